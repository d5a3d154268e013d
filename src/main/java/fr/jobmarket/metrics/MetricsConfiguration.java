package fr.jobmarket.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifierNamingStrategyDefault;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;


/**
 * Found by camel-main's package scan when the application starts. Puts one Prometheus registry in the Camel
 * registry under {@link MicrometerConstants#METRICS_REGISTRY_NAME} (camel-micrometer-prometheus reuses it, or
 * created it already: either way Camel, JVM and jobmarket meters share the {@code /observe/metrics} scrape), binds
 * {@link BusinessMetrics} as {@value BusinessMetrics#BEAN_NAME} and adds the HTTP request timer.
 */
@Configuration
public class MetricsConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        MeterRegistry registry = meterRegistry(context);
        if (context.getRegistry().lookupByNameAndType(BusinessMetrics.BEAN_NAME, BusinessMetrics.class) == null) {
            context.getRegistry().bind(BusinessMetrics.BEAN_NAME, new BusinessMetrics(registry));
        }
        context.getManagementStrategy().addEventNotifier(new HttpServerMetrics(registry));
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext starting, boolean alreadyStarted) {
                tagEveryExchangeWithARoute(starting);
            }

            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                countInflightExchangesPerRoute(started, registry);
            }
        });
    }

    /**
     * Camel 4.18 leaves the {@code routeId} tag out of {@code camel.exchange.event.notifier} when an exchange has no
     * route (one a producer template sends straight to an endpoint, CAMEL-23719), and Prometheus then refuses every
     * later timer of that name whose tags differ: one WARN, and those timers are lost. The notifier is off by default
     * ({@code camel.metrics.enable-exchange-event-notifier}); when it is switched on, the exchange
     * event notifier that camel-micrometer-prometheus registers gets a naming strategy with the same tag keys for
     * every exchange, the route id empty when there is none.
     */
    static void tagEveryExchangeWithARoute(CamelContext context) {
        context.getManagementStrategy().getEventNotifiers().stream()
                .filter(MicrometerExchangeEventNotifier.class::isInstance)
                .map(MicrometerExchangeEventNotifier.class::cast)
                .forEach(notifier -> notifier.setNamingStrategy(new RouteIdAlwaysTagged(notifier.isBaseEndpointURI())));
    }

    /**
     * {@code camel_exchanges_inflight} per route, which the exchange event notifier registers when it is on: it is off
     * ({@code camel.metrics.enable-exchange-event-notifier}, 13 % of a query request's CPU for per-endpoint timers the
     * route timers repeat), and the harvest dashboard shows the gauge. Same name and tags as Camel's.
     */
    static void countInflightExchangesPerRoute(CamelContext context, MeterRegistry registry) {
        boolean notifierOn = context.getManagementStrategy().getEventNotifiers().stream()
                .anyMatch(MicrometerExchangeEventNotifier.class::isInstance);
        if (notifierOn) {
            return;
        }
        for (Route route : context.getRoutes()) {
            String routeId = route.getRouteId();
            Gauge.builder("camel.exchanges.inflight", () -> context.getInflightRepository().size(routeId))
                    .tags(MicrometerConstants.CAMEL_CONTEXT_TAG, context.getName(), MicrometerConstants.ROUTE_ID_TAG, routeId,
                            MicrometerConstants.EVENT_TYPE_TAG, "route", MicrometerConstants.KIND, MicrometerConstants.KIND_ROUTE)
                    .description("Route inflight messages")
                    .register(registry);
        }
    }

    /** Camel's default names and tags, with a {@code routeId} tag on every exchange. */
    static final class RouteIdAlwaysTagged extends MicrometerExchangeEventNotifierNamingStrategyDefault {

        RouteIdAlwaysTagged(boolean baseEndpointUri) {
            super(baseEndpointUri);
        }

        @Override
        public Tags getTags(ExchangeEvent event, Endpoint endpoint) {
            Tags tags = super.getTags(event, endpoint);
            return event.getExchange().getFromRouteId() == null ? tags.and(MicrometerConstants.ROUTE_ID_TAG, "") : tags;
        }
    }

    /** The registry camel-micrometer-prometheus serves, created here if it does not exist yet. */
    static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        }
        return registry;
    }
}
