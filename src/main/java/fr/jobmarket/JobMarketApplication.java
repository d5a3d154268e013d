package fr.jobmarket;

import fr.jobmarket.config.Database;
import fr.jobmarket.config.DatabaseHealthCheck;
import fr.jobmarket.config.RouteDescriptions;
import fr.jobmarket.config.Settings;
import fr.jobmarket.config.StartupException;
import fr.jobmarket.francetravail.Appellations;
import fr.jobmarket.geo.ReverseGeocoding;
import fr.jobmarket.harvest.HarvestRuns;
import fr.jobmarket.http.HttpProblems;
import fr.jobmarket.http.ServerVertx;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Boots jobmarket: checks the settings, opens the database (embedded PostgreSQL unless a URL is given)
 * and migrates it, then runs Camel main with the YAML routes of {@code classpath:routes/}.
 * A start-up problem ends the process with one readable log line and exit code 1.
 */
public final class JobMarketApplication {

    private static final Logger LOG = LoggerFactory.getLogger(JobMarketApplication.class);

    private final Settings settings;
    private final Database database;
    private final Main main;

    private JobMarketApplication(Settings settings, Database database, Main main) {
        this.settings = settings;
        this.database = database;
        this.main = main;
    }

    public static void main(String[] args) {
        JobMarketApplication application;
        try {
            application = prepare(Settings.load());
        } catch (StartupException e) {
            LOG.error("Start-up failed: {}", e.getMessage());
            System.exit(1);
            return;
        }
        int exitCode;
        try {
            exitCode = application.main.run(args);
        } catch (Exception e) {
            LOG.error("Start-up failed: {}", startupMessage(application.settings, e));
            application.database.close();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** Starts the application without blocking; tests and tools stop it with {@link #stop()}. */
    public static JobMarketApplication start(Settings settings) {
        JobMarketApplication application = prepare(settings);
        try {
            application.main.start();
        } catch (RuntimeException e) {
            application.stop();
            throw new StartupException(startupMessage(settings, e), e);
        }
        return application;
    }

    private static JobMarketApplication prepare(Settings settings) {
        checkSettings(settings);
        // the mode first, before the database and Camel fill the log
        if (settings.liveMode()) {
            LOG.info("LIVE MODE: harvests read France Travail's API Offres d'emploi v2 with the configured client id");
        } else {
            LOG.warn("No France Travail credentials (JOBMARKET_FT_CLIENT_ID / JOBMARKET_FT_CLIENT_SECRET):"
                    + " SANDBOX MODE, harvests read SYNTHETIC offers served by jobmarket itself, not real ones.");
        }
        Database database = Database.open(settings);
        Main main = new Main(JobMarketApplication.class);
        main.setOverrideProperties(routeProperties(settings));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport mainSupport) {
                // The database and the HTTP server's Vert.x are added before the HTTP server and the routes, so
                // stopped after them (services stop in reverse order) when the context stops: Ctrl-C, SIGTERM,
                // stop(). No request meets a closed pool.
                try {
                    mainSupport.getCamelContext().addService(database, true, false);
                    ServerVertx.bind(mainSupport.getCamelContext());
                } catch (Exception e) {
                    throw org.apache.camel.RuntimeCamelException.wrapRuntimeException(e);
                }
            }

            @Override
            public void afterConfigure(BaseMainSupport mainSupport) {
                CamelContext context = mainSupport.getCamelContext();
                HealthCheckRegistry health = HealthCheckRegistry.get(context);
                if (health != null) {
                    health.register(new DatabaseHealthCheck(database));
                }
                ApplicationBeans.bind(context, settings, database);
                RouteDescriptions.copyFromRestVerbs(context);
                try {
                    // the HTTP server has started by then (services start before routes)
                    context.addStartupListener((started, alreadyStarted) -> HttpProblems.install(started));
                } catch (Exception e) {
                    throw org.apache.camel.RuntimeCamelException.wrapRuntimeException(e);
                }
            }
        });
        return new JobMarketApplication(settings, database, main);
    }

    /**
     * The settings as Camel placeholders, plus the values derived from them that routes use: the reverse
     * geocoder's URL is the product's own sandbox geocoder in sandbox mode; its batch endpoint appends /csv.
     */
    static java.util.Properties routeProperties(Settings settings) {
        java.util.Properties properties = settings.asProperties();
        properties.setProperty("geocoder.reverse-url", ReverseGeocoding.baseUrl(settings) + "/reverse");
        properties.setProperty("geocoder.batch-timeout-ms", Integer.toString(ReverseGeocoding.BATCH_TIMEOUT_MS));
        properties.setProperty("harvest.instance", HarvestRuns.instanceName(settings));
        properties.setProperty("harvest.heartbeat-ms", Long.toString(HarvestRuns.heartbeatMillis(settings)));
        return properties;
    }

    /**
     * Every setting that can be wrong is checked before anything starts (no database, no route), each with a
     * one-line message naming it: the values ({@link Settings#validate()}), the HTTP port's availability and
     * the appellation list's content. The main method and the tests call this same check.
     */
    static void checkSettings(Settings settings) {
        settings.validate();
        int port = settings.httpPort();
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartupException("HTTP port " + port + " (jobmarket.http.port / JOBMARKET_HTTP_PORT) is in use: "
                    + "stop the other program or choose another port.");
        }
        Appellations.load(settings);
    }

    private static String startupMessage(Settings settings, Exception error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.BindException) {
            return "HTTP port " + settings.httpPort() + " (jobmarket.http.port / JOBMARKET_HTTP_PORT) is in use.";
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** Graceful stop: routes first, then the database pool and the embedded server. */
    public void stop() {
        try {
            main.stop();
        } finally {
            database.close();
        }
    }
}
