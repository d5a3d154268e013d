package fr.jobmarket;

import fr.jobmarket.api.AdminToken;
import fr.jobmarket.api.ApiCache;
import fr.jobmarket.api.ApiFilters;
import fr.jobmarket.api.DashboardEndpoints;
import fr.jobmarket.api.DocsEndpoints;
import fr.jobmarket.api.DocumentedParameters;
import fr.jobmarket.api.HarvestEndpoints;
import fr.jobmarket.api.MappingEndpoints;
import fr.jobmarket.api.OfferIndex;
import fr.jobmarket.api.OfferEndpoints;
import fr.jobmarket.api.Responder;
import fr.jobmarket.api.StatsEndpoints;
import fr.jobmarket.config.Database;
import fr.jobmarket.config.Settings;
import fr.jobmarket.francetravail.Appellation;
import fr.jobmarket.francetravail.Appellations;
import fr.jobmarket.francetravail.HarvestCounters;
import fr.jobmarket.francetravail.PagingStage;
import fr.jobmarket.geo.GeoReference;
import fr.jobmarket.harvest.HarvestHealthCheck;
import fr.jobmarket.harvest.HarvestJob;
import fr.jobmarket.harvest.HarvestRuns;
import fr.jobmarket.harvest.ProcessStage;
import fr.jobmarket.http.JolokiaAccess;
import fr.jobmarket.harvest.RunUndo;
import fr.jobmarket.history.OfferHistory;
import fr.jobmarket.metrics.BusinessMetrics;
import fr.jobmarket.sandbox.SandboxHttp;
import fr.jobmarket.warehouse.WarehouseFigures;
import fr.jobmarket.warehouse.WarehouseLoader;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.plugin.JolokiaPlatformHttpPlugin;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * The one place where the product's beans are built and put in the Camel registry, under the names the
 * route files use. Built once the Camel context exists (some beans send through camel-http).
 */
final class ApplicationBeans {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationBeans.class);
    /** Threads computing uncached API answers: two CPU-bound index counts per core, or SQL reads waiting on the database. */
    static final int API_COMPUTE_THREADS = 4;

    private ApplicationBeans() {
    }

    static void bind(CamelContext context, Settings settings, Database database) {
        Registry registry = context.getRegistry();
        registry.bind("settings", settings);
        registry.bind("database", database);
        registry.bind("dataSource", database.dataSource()); // the sql: endpoints' DataSource
        GeoReference geoReference = GeoReference.load();
        registry.bind("geoReference", geoReference);

        int interrupted = HarvestRuns.failInterruptedRuns(database.dataSource(), database.embedded() != null,
                HarvestRuns.instanceName(settings), HarvestRuns.leaseSeconds(settings));
        if (interrupted > 0) {
            LOG.warn("{} harvest run(s) left RUNNING (or UNDOING) by a previous process of this instance closed (interrupted)",
                    interrupted);
        }

        BusinessMetrics metrics = BusinessMetrics.from(context);
        metrics.appellations(Appellations.load(settings).stream().map(Appellation::code).toList());

        HarvestCounters counters = PagingStage.bind(context, settings);
        counters.observe(new HarvestCounters.Observer() {
            @Override
            public void response(int status) {
                metrics.apiResponse(status);
            }

            @Override
            public void noAnswer() {
                metrics.apiError();
            }

            @Override
            public void retry() {
                metrics.retry();
            }
        });
        ProcessStage.bind(context, geoReference);

        int concurrency = settings.integer("jobmarket.concurrency");
        ExecutorService harvestPool = context.getExecutorServiceManager()
                .newFixedThreadPool(ApplicationBeans.class, "harvest", concurrency);
        registry.bind("harvestPool", harvestPool);

        // The query API (routes/rest.camel.yaml)
        ApiCache apiCache = new ApiCache(database.dataSource(), metrics);
        AdminToken adminToken = new AdminToken(settings);
        registry.bind("apiCache", apiCache);
        registry.bind("adminToken", adminToken);
        Responder responder = new Responder(apiCache, settings.liveMode());
        ApiFilters filters = new ApiFilters(geoReference);
        registry.bind("apiResponder", responder);
        registry.bind("apiParameters", (Processor) DocumentedParameters.of(context)::check);
        // the steps every API request runs, as plain processors: cheaper than a bean method call, and a
        // cached answer goes through nothing else
        registry.bind("apiFiltersAll", (Processor) filters::all);
        registry.bind("apiCacheLookup", (Processor) apiCache::lookup);
        registry.bind("apiCacheStore", (Processor) apiCache::store);
        registry.bind("apiIndexRows", (Processor) OfferIndex::answerRows);
        // Uncached answers run on their own threads (the threads step of api-query): at most this many at once, so
        // API reads can take at most this many database connections during a load; the HTTP workers, more numerous,
        // keep serving cached answers meanwhile.
        registry.bind("apiComputePool", context.getExecutorServiceManager()
                .newFixedThreadPool(ApplicationBeans.class, "api-compute", API_COMPUTE_THREADS));
        registry.bind("apiAnswer", (Processor) responder::write);
        registry.bind("apiOffres", new OfferEndpoints());
        registry.bind("apiStats", new StatsEndpoints());
        registry.bind("apiMapping", new MappingEndpoints(geoReference));
        registry.bind("apiDocs", new DocsEndpoints(responder));
        registry.bind("apiDashboard", new DashboardEndpoints());
        registry.bind("apiHarvest", new HarvestEndpoints(adminToken));
        // Jolokia (/observe/jolokia) behind the loopback or admin-token check
        registry.bind(JolokiaPlatformHttpPlugin.NAME, new JolokiaAccess(adminToken, settings.bool("jobmarket.jolokia.exposed")));

        WarehouseLoader.bind(context, database.dataSource(), settings);
        OfferHistory history = OfferHistory.of(settings);
        HarvestJob harvestJob = new HarvestJob(settings, counters, history,
                metrics, new WarehouseFigures(database.dataSource()));
        registry.bind("harvestJob", harvestJob);
        // the run in progress ends at its next cancellation point (RunContext) once the context is stopping: the log says so
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                    harvestJob.stopping();
                }
            }
        });
        registry.bind("harvestUndo", new RunUndo(history));

        // The France Travail stand-in of sandbox mode (routes/sandbox.camel.yaml); in live mode it answers 404
        registry.bind("sandboxHttp", new SandboxHttp(settings));

        // fed by the route harvest-last-runs
        HarvestHealthCheck harvestHealth = new HarvestHealthCheck(settings.liveMode(), metrics);
        registry.bind("harvestHealth", harvestHealth);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(harvestHealth);
        }
    }
}
