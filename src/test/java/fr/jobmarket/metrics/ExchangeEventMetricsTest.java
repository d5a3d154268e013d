package fr.jobmarket.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeEventMetricsTest {

    @Test
    void exchangesWithAndWithoutARouteAreTimedUnderOneSetOfTagKeys() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> refused = new CopyOnWriteArrayList<>();
        registry.config().onMeterRegistrationFailed((id, reason) -> refused.add(reason));
        try (CamelContext context = new DefaultCamelContext()) {
            MicrometerExchangeEventNotifier notifier = new MicrometerExchangeEventNotifier();
            notifier.setMeterRegistry(registry);
            context.getManagementStrategy().addEventNotifier(notifier);
            // a lambda, not a RouteBuilder subclass, which the application's package scan would pick up
            RouteBuilder.addRoutes(context, routes -> routes.from("direct:in").routeId("in")
                    .to("log:exchange-event-metrics-test?level=OFF"));
            MetricsConfiguration.tagEveryExchangeWithARoute(context);
            context.start();

            // the route sends to the log endpoint; then a template sends there directly: an exchange without a route
            context.createProducerTemplate().sendBody("direct:in", "an exchange");
            context.createProducerTemplate().sendBody("log:exchange-event-metrics-test?level=OFF", "another");
        }

        assertThat(refused).as("timers Prometheus refused").isEmpty();
        assertThat(registry.find("camel.exchange.event.notifier").timers()).extracting(timer -> timer.getId().getTag("routeId"))
                .contains("", "in");
        assertThat(registry.find("camel.exchange.event.notifier").timers()).map(Timer::count).allMatch(count -> count > 0);
    }
}
