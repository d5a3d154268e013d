package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.DoubleSupplier;

/**
 * The paging routes (harvest-appellation, france-travail and their route configurations, as the service loads them)
 * in a Camel context of their own, with the beans of {@link PagingStage}. The backoff's {@code delay} is woven out for
 * {@code mock:backoff}, which records each pause instead of waiting it.
 */
final class PagingRoutes implements AutoCloseable {

    private static final List<String> ROUTE_FILES = List.of("route-configurations", "harvest-appellation", "france-travail",
            "france-travail-token");

    private final CamelContext context;
    private final HarvestCounters counters;

    private PagingRoutes(CamelContext context, HarvestCounters counters) {
        this.context = context;
        this.counters = counters;
    }

    static PagingRoutes start(Map<String, String> values, Clock clock, DoubleSupplier random) throws Exception {
        return start(values, clock, random, false);
    }

    /** @param realPauses whether the backoff really waits (else {@code mock:backoff} records it) */
    static PagingRoutes start(Map<String, String> values, Clock clock, DoubleSupplier random, boolean realPauses)
            throws Exception {
        Settings settings = Settings.load(Map.of(), new Properties(), values);
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(settings.asProperties());
        HarvestCounters counters = PagingStage.bind(context, settings, clock, random);
        Resource[] resources = new Resource[ROUTE_FILES.size()];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + ROUTE_FILES.get(i) + ".camel.yaml");
        }
        PluginHelper.getRoutesLoader(context).loadRoutes(resources);
        if (!realPauses) {
            AdviceWith.adviceWith(context, "france-travail-request",
                    route -> route.weaveById("france-travail-backoff").replace().to("mock:backoff"));
        }
        context.start();
        return new PagingRoutes(context, counters);
    }

    /** Pages {@code appellation} into {@code rawDirectory}; throws the route's failure, unwrapped from Camel's as the run does. */
    AppellationResult harvest(Appellation appellation, Path rawDirectory) throws Exception {
        Exchange done = context.createProducerTemplate().send("direct:harvest-appellation", exchange -> {
            exchange.getMessage().setBody(appellation);
            exchange.setProperty("rawDirectory", rawDirectory);
        });
        // the splits wrap a failure in Camel's exceptions; the run's record shows the cause beneath them
        Throwable failure = done.getException();
        while ((failure instanceof CamelException || failure instanceof RuntimeCamelException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure != null) {
            throw (Exception) failure;
        }
        return done.getMessage().getBody(AppellationResult.class);
    }

    /** The pauses before each retry, in milliseconds. */
    List<Long> delays() {
        return context.getEndpoint("mock:backoff", MockEndpoint.class).getReceivedExchanges().stream()
                .map(exchange -> exchange.getProperty(FranceTravailRequests.RETRY_DELAY, Long.class)).toList();
    }

    HarvestCounters counters() {
        return counters;
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }
}
