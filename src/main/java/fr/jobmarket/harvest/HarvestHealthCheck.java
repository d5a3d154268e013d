package fr.jobmarket.harvest;

import fr.jobmarket.metrics.BusinessMetrics;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Shows the last harvest in the health details (status, extraction date, age of the last success). It
 * always answers UP: a failed or stale harvest is reported and alerted on, but the data already loaded
 * can still be queried, so it must not make the service unready. It answers from the last read of the run
 * records, which the route harvest-last-runs makes every few seconds ({@link #update}), so a probe never
 * waits for the database.
 */
public final class HarvestHealthCheck extends AbstractHealthCheck {

    /** France Travail's licence asks for data refreshed at least every 24 hours; 26 h leaves room for a late run. */
    static final Duration STALE_AFTER = Duration.ofHours(26);

    /** What the last read said. */
    private record Seen(Map<String, Object> lastRun, Instant lastSuccess, String unreadable) {
    }

    private final String dataSource;
    private final BusinessMetrics metrics;
    private volatile Seen seen = new Seen(null, null, "The harvest runs have not been read yet");

    public HarvestHealthCheck(boolean liveMode, BusinessMetrics metrics) {
        super("jobmarket", "harvest");
        this.dataSource = liveMode ? "France Travail, API Offres d'emploi v2" : "synthetic sandbox data (not France Travail)";
        this.metrics = metrics;
    }

    /** Step of harvest-last-runs: the row of sql/harvest/select-last-runs.sql; the last success also goes to the metric. */
    public void update(@Body Map<String, Object> row) {
        Instant lastSuccess = row.get("last_success_at") instanceof Timestamp at ? at.toInstant() : null;
        seen = new Seen(row.get("id") == null ? null : row, lastSuccess, null);
        metrics.lastSuccess(lastSuccess);
    }

    /** Step of harvest-last-runs when the read failed. */
    public void unreadable(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        seen = new Seen(null, null, "Cannot read the harvest runs: " + error.getMessage());
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("data_source", dataSource);
        Seen now = seen;
        if (now.unreadable() != null) {
            builder.detail("last_harvest_status", "UNKNOWN");
            builder.message(now.unreadable());
            builder.up();
            return;
        }
        if (now.lastRun() == null) {
            builder.detail("last_harvest_status", "NONE");
        } else {
            builder.detail("last_harvest_id", now.lastRun().get("id"));
            builder.detail("last_harvest_status", now.lastRun().get("status"));
            builder.detail("last_harvest_extraction_date", String.valueOf(now.lastRun().get("extraction_date")));
            builder.detail("last_harvest_finished_at",
                    ((Timestamp) now.lastRun().get("finished_at")).toInstant().toString());
        }
        boolean stale = now.lastSuccess() == null
                || Duration.between(now.lastSuccess(), Instant.now()).compareTo(STALE_AFTER) > 0;
        if (now.lastSuccess() != null) {
            builder.detail("last_success_age_hours", Duration.between(now.lastSuccess(), Instant.now()).toMinutes() / 60.0);
        }
        builder.detail("harvest_stale", stale);
        builder.message(stale ? "No successful harvest in the last 26 hours" : "Harvest data is fresh");
        builder.up();
    }
}
