package fr.jobmarket.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.component.micrometer.MicrometerConstants;


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
