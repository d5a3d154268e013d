package fr.jobmarket.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Latency and status of every HTTP request served by a route (REST DSL and platform-http consumers), as
 * {@code jobmarket_http_server_requests_seconds{route, method, status}}: a histogram, so Grafana can draw
 * percentiles per endpoint and alerts can compute the 5xx ratio. platform-http-vertx has no HTTP server
 * metrics of its own in Camel 4.18 (Vert.x metrics would need vertx-micrometer-metrics); the route id is the
 * endpoint, as each REST verb is its own route. The /observe/* endpoints are not routes and are not counted.
 */
final class HttpServerMetrics extends EventNotifierSupport {

    static final String NAME = "jobmarket.http.server.requests";

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    /** The timer of each route, method and status, found once: Micrometer's own lookup costs more per request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    HttpServerMetrics(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        Endpoint from = exchange.getFromEndpoint();
        if (from == null || !isHttp(from.getEndpointUri()) || exchange.getFromRouteId() == null) {
            return;
        }
        String route = exchange.getFromRouteId();
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        int status = status(exchange);
        timers.computeIfAbsent(route + ' ' + method + ' ' + status, key -> Timer.builder(NAME)
                        .description("HTTP requests served by the routes, by route id, method and response status")
                        .tag("route", route)
                        .tag("method", method)
                        .tag("status", Integer.toString(status))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(exchange.getClock().elapsed(), TimeUnit.MILLISECONDS);
    }

    static boolean isHttp(String endpointUri) {
        return endpointUri.startsWith("rest:") || endpointUri.startsWith("platform-http:");
    }

    /** The status platform-http answers with: the response code header, else 500 on failure, 204 without body. */
    static int status(Exchange exchange) {
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (code != null) {
            return code;
        }
        if (exchange.isFailed()) {
            return 500;
        }
        return exchange.getMessage().getBody() == null ? 204 : 200;
    }
}
