package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reverse geocoding through the French address API ({@code <base>/reverse/?lon=..&lat=..}, a GeoJSON
 * FeatureCollection whose first feature gives {@code citycode} and {@code postcode}), called through camel-http.
 * Answers are cached by coordinates rounded to 5 decimals (about one metre); requests are spaced to the rate
 * limit; a 5xx answer, 429 or a transport error (timeout, refused) is retried a bounded number of times with
 * doubling back-off. Never throws: a failed lookup returns empty and is counted.
 */
public final class AddressApiGeocoder implements ReverseGeocoder {

    private static final Logger LOG = LoggerFactory.getLogger(AddressApiGeocoder.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CACHE_SIZE = 20_000;

    private final Endpoint endpoint;
    private final ProducerTemplate template;
    private final long intervalNanos;
    private final int retries;
    private final Duration backoff;
    private final Map<String, Optional<Place>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Place>> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private long nextSlotNanos; // guarded by this

    private final AtomicLong httpRequests = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** Reads {@code jobmarket.geocoder.*}; in sandbox mode the product's own sandbox geocoder is used. */
    public AddressApiGeocoder(CamelContext context, Settings settings) {
        this(context, baseUrl(settings),
                settings.integer("jobmarket.geocoder.rate-limit", 1, 1000),
                settings.integer("jobmarket.geocoder.retries", 0, 10),
                Duration.ofMillis(settings.integer("jobmarket.geocoder.timeout-ms", 100, 120_000)),
                Duration.ofMillis(500));
    }

    AddressApiGeocoder(CamelContext context, String baseUrl, int ratePerSecond, int retries, Duration timeout,
                       Duration backoff) {
        long millis = timeout.toMillis();
        // One endpoint for every lookup: the coordinates travel in the CamelHttpQuery header, so Camel does not
        // create (and cache) an endpoint per point.
        String uri = baseUrl.replaceAll("/+$", "") + "/reverse/?httpMethod=GET&throwExceptionOnFailure=false"
                + "&httpClient.responseTimeout=" + millis + "&httpClient.connectionRequestTimeout=" + millis
                + "&httpConnection.connectTimeout=" + millis + "&httpConnection.socketTimeout=" + millis;
        HttpEndpoint http = context.getEndpoint(uri, HttpEndpoint.class);
        // The retries are ours (counted, bounded, with back-off): the HTTP client must not add its own on top.
        http.setHttpClientConfigurer(HttpClientBuilder::disableAutomaticRetries);
        this.endpoint = http;
        this.template = context.createProducerTemplate();
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.retries = retries;
        this.backoff = backoff;
    }

    static String baseUrl(Settings settings) {
        if (!settings.liveMode()) {
            return fr.jobmarket.sandbox.SandboxHttp.geocoderUrl(settings);
        }
        String url = settings.text("jobmarket.geocoder.url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw settings.invalid("jobmarket.geocoder.url", url, "an http:// or https:// URL");
        }
        return url;
    }

    @Override
    public Optional<Place> reverse(double latitude, double longitude) {
        String key = String.format(Locale.ROOT, "%.5f,%.5f", latitude, longitude);
        synchronized (cache) {
            Optional<Place> cached = cache.get(key);
            if (cached != null) {
                cacheHits.incrementAndGet();
                return cached;
            }
        }
        String query = String.format(Locale.ROOT, "lon=%.5f&lat=%.5f", longitude, latitude);
        try {
            Optional<Optional<Place>> answer = lookup(query);
            if (answer.isPresent()) {
                synchronized (cache) {
                    cache.put(key, answer.get());
                }
                return answer.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("reverse geocoding {}: unexpected error {}", query, e.toString());
        }
        failures.incrementAndGet();
        return Optional.empty();
    }

    /** The answer (a place or none), or empty when every attempt failed. */
    private Optional<Optional<Place>> lookup(String query) throws InterruptedException {
        String problem = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis() << (attempt - 1));
            }
            awaitRateLimit();
            httpRequests.incrementAndGet();
            Exchange exchange = template.request(endpoint, request -> {
                request.getIn().setHeader(Exchange.HTTP_QUERY, query);
                request.getIn().setHeader("Accept", "application/json");
                request.getIn().setBody(null);
            });
            if (exchange.getException() != null) {
                problem = exchange.getException().toString();
                LOG.debug("reverse geocoding {}: attempt {} failed: {}", query, attempt + 1, problem);
                continue;
            }
            int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
            String body = exchange.getMessage().getBody(String.class);
            if (status == 200) {
                return Optional.of(parse(query, body));
            }
            problem = "HTTP " + status;
            if (status < 500 && status != 429) {
                break; // a client error will not go away by asking again
            }
            LOG.debug("reverse geocoding {}: attempt {} answered {}", query, attempt + 1, status);
        }
        LOG.warn("reverse geocoding {} failed after at most {} attempts: {}", query, retries + 1, problem);
        return Optional.empty();
    }

    private static Optional<Place> parse(String query, String body) {
        try {
            JsonNode feature = MAPPER.readTree(body == null ? "" : body).path("features").path(0);
            JsonNode properties = feature.path("properties");
            String codeInsee = properties.path("citycode").asText("");
            String codePostal = properties.path("postcode").asText("");
            if (codeInsee.isEmpty() && codePostal.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Place(codeInsee.isEmpty() ? null : codeInsee, codePostal.isEmpty() ? null : codePostal));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reverse geocoding " + query + ": expected a GeoJSON FeatureCollection, got "
                    + (body == null ? "nothing" : body.length() > 200 ? body.substring(0, 200) + "..." : body), e);
        }
    }

    private void awaitRateLimit() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** HTTP requests sent, retries included. */
    public long httpRequests() {
        return httpRequests.get();
    }

    public long cacheHits() {
        return cacheHits.get();
    }

    /** Lookups that gave up (every attempt failed, or an answer that was not GeoJSON). */
    public long failures() {
        return failures.get();
    }
}
