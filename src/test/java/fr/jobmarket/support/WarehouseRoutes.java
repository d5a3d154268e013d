package fr.jobmarket.support;

import fr.jobmarket.config.Settings;
import fr.jobmarket.warehouse.LoadReport;
import fr.jobmarket.warehouse.WarehouseLoader;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The warehouse routes (and their route configurations, as the service loads them) in a Camel context of their
 * own, on a given database and settings: what the harvest's history-merge route sends to, without the harvest.
 */
public final class WarehouseRoutes implements AutoCloseable {

    static final List<String> ROUTE_FILES = List.of("route-configurations", "warehouse");

    private final CamelContext context;

    private WarehouseRoutes(CamelContext context) {
        this.context = context;
    }

    public static WarehouseRoutes start(DataSource dataSource, Settings settings) {
        return start(dataSource, settings, true);
    }

    /**
     * @param managed whether the context registers its MBeans (Camel's per-node counts); a context kept for the
     *                whole test JVM must not, or it would stand beside the application's in later tests' JMX trees
     */
    public static WarehouseRoutes start(DataSource dataSource, Settings settings, boolean managed) {
        try {
            CamelContext context = new DefaultCamelContext();
            if (!managed) {
                context.disableJMX();
            }
            configure(context, dataSource, settings);
            context.start();
            return new WarehouseRoutes(context);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the warehouse routes: " + e.getMessage(), e);
        }
    }

    /** Beans and route files of the warehouse stage in {@code context}, not started (for AdviceWith). */
    public static void configure(CamelContext context, DataSource dataSource, Settings settings) throws Exception {
        context.getRegistry().bind("dataSource", dataSource);
        WarehouseLoader.bind(context, dataSource, settings);
        Resource[] resources = new Resource[ROUTE_FILES.size()];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + ROUTE_FILES.get(i) + ".camel.yaml");
        }
        PluginHelper.getRoutesLoader(context).loadRoutes(resources);
    }

    /** Sends {@code historyFile} to the warehouse-load route; throws what the route threw. */
    public LoadReport load(Path historyFile, LocalDate extractionDate) {
        Exchange done = context.createProducerTemplate().send("direct:warehouse-load", exchange -> {
            exchange.getMessage().setBody(historyFile);
            exchange.setProperty("extractionDate", extractionDate);
        });
        if (done.getException() instanceof RuntimeException e) {
            throw e;
        }
        if (done.getException() != null) {
            throw new IllegalStateException(done.getException());
        }
        return done.getMessage().getBody(LoadReport.class);
    }

    public CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }
}
