package fr.jobmarket.config;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/** Readiness and liveness: DOWN while the warehouse database does not answer. */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        super("jobmarket", "database");
        this.database = database;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (database.answers()) {
            builder.up();
        } else {
            builder.message("The database does not answer").down();
        }
    }
}
