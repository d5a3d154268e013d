package fr.jobmarket.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.Service;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The warehouse database: the external PostgreSQL of {@code jobmarket.db.url}, or the embedded one under
 * {@code <data dir>/postgres}; a HikariCP pool; Flyway migrations from {@code classpath:sql/migration}.
 * Registered as a Camel service, so it closes after the routes when the application stops.
 */
public final class Database implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** A database that does not answer within this delay at start-up is reported, not waited for. */
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    private final HikariDataSource pool;
    private final EmbeddedPostgres embedded;

    private Database(HikariDataSource pool, EmbeddedPostgres embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    public static Database open(Settings settings) {
        EmbeddedPostgres embedded = null;
        String url = settings.text("jobmarket.db.url");
        String user = settings.text("jobmarket.db.user");
        String password = settings.text("jobmarket.db.password");
        if (url.isEmpty()) {
            embedded = EmbeddedPostgres.start(settings.dataDir().resolve("postgres"),
                    settings.integer("jobmarket.db.embedded-port"), settings.text("jobmarket.db.embedded-password"));
            url = embedded.jdbcUrl();
            user = EmbeddedPostgres.SERVICE_ROLE;
            password = embedded.password();
        }
        try {
            HikariDataSource pool = new HikariDataSource(poolConfig(settings, url, user, password));
            migrate(pool);
            return new Database(pool, embedded);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw new StartupException("Cannot use the database " + withoutParameters(url)
                    + " (jobmarket.db.url / JOBMARKET_DB_URL): "
                    + rootMessage(e), e);
        }
    }

    private static HikariConfig poolConfig(Settings settings, String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("jobmarket-db");
        config.setJdbcUrl(url);
        config.setUsername(user.isEmpty() ? null : user);
        config.setPassword(password.isEmpty() ? null : password);
        config.setMaximumPoolSize(settings.integer("jobmarket.db.pool-size"));
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_MS);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("ApplicationName", "jobmarket");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("connectTimeout", "5");
        return config;
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:sql/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted == 0) {
            LOG.info("Database schema up to date at version {}", result.initialSchemaVersion);
        } else {
            LOG.info("Database schema migrated from version {} to {} ({} migration(s))",
                    result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The embedded server, or null with an external database. */
    public EmbeddedPostgres embedded() {
        return embedded;
    }

    /** True when the database answers a query within two seconds. */
    public boolean answers() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void start() {
        // opened in open(): the database must be there before any route starts
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public synchronized void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.info("Database pool closed");
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A JDBC URL may carry {@code ?password=...}: messages show it without its parameters. */
    static String withoutParameters(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question) + "?...";
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip().replace('\n', ' ');
    }
}
