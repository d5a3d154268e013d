package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jobmarket.config.Settings;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.sandbox.SandboxHttp;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rules of reverse geocoding that the {@code reverse-geocode} route calls around its HTTP request (the
 * Géoplateforme geocoder's {@code /reverse?lon=..&lat=..}, a GeoCodeJSON FeatureCollection whose first feature
 * gives {@code citycode} and {@code postcode}): the query of a point, the reading of an answer, and a cache.
 * Before the offers, the {@code geocode-batch} route fills the cache with the run's new points through the
 * batch endpoint ({@code /reverse/csv}, {@link GeocoderCsv}): one request instead of one per point.
 *
 * <p>Answers (a place, or none at that point) are kept for the life of the process, keyed by the coordinates
 * rounded to 5 decimals (about one metre): the same workplaces come back every evening. Failures (geocoder down,
 * timeout, an answer that is not GeoCodeJSON) are remembered for the current run only, so an outage costs one
 * attempt per point and the next run asks again.
 */
public final class ReverseGeocoding {

    private static final Logger LOG = LoggerFactory.getLogger(ReverseGeocoding.class);
    private static final int CACHE_SIZE = 20_000;
    /**
     * Points per batch request. A run brings a few hundred new points, so one request in practice; the bound keeps
     * each request of a large first run short (2,000 points make a 40 KB file), and stays well under the cache
     * size, which must hold the answers until the offers read them.
     */
    static final int BATCH_POINTS = 2_000;
    /** Time allowed for a batch answer, in milliseconds: the geocoder looks every point up before it answers. */
    public static final int BATCH_TIMEOUT_MS = 60_000;
    /** Route property holding the point to look up ({@link Coordinates}). */
    public static final String POINT = "geocodePoint";
    /** Route property holding the points of one batch request ({@code List<Coordinates>}). */
    public static final String POINTS = "geocodePoints";

    private final Map<String, Place> answers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Place> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private final Set<String> failedThisRun = ConcurrentHashMap.newKeySet();
    // this run's requests, for the run record: batch requests, points they answered, failed ones, single requests
    private final AtomicLong batchRequests = new AtomicLong();
    private final AtomicLong batchPoints = new AtomicLong();
    private final AtomicLong batchFailures = new AtomicLong();
    private final AtomicLong singleRequests = new AtomicLong();

    /** The geocoder's base URL: the product's own sandbox geocoder in sandbox mode, else jobmarket.geocoder.url. */
    public static String baseUrl(Settings settings) {
        if (!settings.liveMode()) {
            return SandboxHttp.geocoderUrl(settings);
        }
        return settings.text("jobmarket.geocoder.url").replaceAll("/+$", "");
    }

    /** A new run: the failures of the previous one are asked again. */
    public void newRun() {
        failedThisRun.clear();
        for (AtomicLong count : List.of(batchRequests, batchPoints, batchFailures, singleRequests)) {
            count.set(0);
        }
    }

    /** This run's geocoder requests, as the run record and the process stage's log line show them. */
    public Map<String, Long> runCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("geocoding_batch_requests", batchRequests.get());
        counts.put("geocoding_batch_points", batchPoints.get());
        counts.put("geocoding_batch_failures", batchFailures.get());
        counts.put("geocoding_single_requests", singleRequests.get());
        return counts;
    }

    /** The points among {@code points} that the cache does not answer, one per cache key, in their order. */
    public List<Coordinates> notCached(Collection<Coordinates> points) {
        Map<String, Coordinates> distinct = new LinkedHashMap<>();
        for (Coordinates point : points) {
            distinct.putIfAbsent(key(point), point);
        }
        distinct.values().removeIf(point -> cached(point) != null);
        return new ArrayList<>(distinct.values());
    }

    /** The points of the batch requests, {@value #BATCH_POINTS} at most in each. */
    public List<List<Coordinates>> batches(@Body List<Coordinates> points) {
        List<List<Coordinates>> batches = new ArrayList<>();
        for (int from = 0; from < points.size(); from += BATCH_POINTS) {
            batches.add(points.subList(from, Math.min(points.size(), from + BATCH_POINTS)));
        }
        return batches;
    }

    /** The CSV file of one batch request. */
    public String batchRequest(@Body List<Coordinates> points) {
        batchRequests.incrementAndGet();
        return GeocoderCsv.request(points);
    }

    /**
     * Reads a batch answer and remembers the place of each point asked, "nothing found" included; a point the answer
     * leaves out stays unknown, and the locate route asks it alone.
     *
     * @throws IllegalStateException when the answer is not the CSV expected (the route counts a failed batch)
     */
    public void batchAnswered(@ExchangeProperty(POINTS) List<Coordinates> points, @Body String csv) {
        Map<String, Place> places = new HashMap<>();
        GeocoderCsv.answer(csv).forEach((point, place) -> places.put(key(point), place));
        long answered = 0;
        synchronized (answers) {
            for (Coordinates point : points) {
                Place place = places.get(key(point));
                if (place != null) {
                    answers.put(key(point), place);
                    answered++;
                }
            }
        }
        batchPoints.addAndGet(answered);
    }

    /** A batch request failed (HTTP error, timeout, unreadable answer): one warning; nothing is lost. */
    public void batchFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        batchFailures.incrementAndGet();
        Throwable cause = error;
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        LOG.warn("Batch reverse geocoding failed ({}): the points it did not answer are asked one at a time",
                cause == null ? "no reason given" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** The remembered answer for this point ({@link Place#NONE} for a failure of this run), or null: ask the geocoder. */
    public Place cached(@ExchangeProperty(POINT) Coordinates point) {
        String key = key(point);
        Place place;
        synchronized (answers) {
            place = answers.get(key);
        }
        if (place == null && failedThisRun.contains(key)) {
            place = Place.NONE;
        }
        return place;
    }

    /** The query string of the reverse request. */
    public String query(@ExchangeProperty(POINT) Coordinates point) {
        singleRequests.incrementAndGet();
        return String.format(Locale.ROOT, "lon=%.5f&lat=%.5f&index=address", point.longitude(), point.latitude());
    }

    /**
     * Reads a 200 answer and remembers it. The first feature's {@code citycode} and {@code postcode}; a
     * collection without features is "no place here" ({@link Place#NONE}).
     *
     * @throws IllegalStateException when the answer is not a GeoCodeJSON FeatureCollection (the route counts a failure)
     */
    public Place answered(@ExchangeProperty(POINT) Coordinates point, @Body String body) {
        Place place = read(body);
        synchronized (answers) {
            answers.put(key(point), place);
        }
        return place;
    }

    /** The lookup failed after its retries, or the circuit breaker is open: {@link Place#NONE}, remembered for this run. */
    public Place failed(@ExchangeProperty(POINT) Coordinates point, @ExchangeProperty("CamelExceptionCaught") Exception error) {
        boolean firstOfRun = failedThisRun.isEmpty();
        failedThisRun.add(key(point));
        if (firstOfRun) {
            LOG.warn("Reverse geocoding failed for {}: {}; offers at such points keep their department (counted as"
                    + " geocoding failures)", key(point), error == null ? "circuit breaker open" : error.getMessage());
        } else {
            LOG.debug("Reverse geocoding failed for {}: {}", key(point), error == null ? "circuit breaker open" : error.toString());
        }
        return Place.NONE;
    }

    static Place read(String body) {
        JsonNode json;
        try {
            json = JsonArrayFiles.MAPPER.readTree(body == null ? "" : body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.path("features").isArray()) {
            throw new IllegalStateException("expected a GeoCodeJSON FeatureCollection, got "
                    + (body == null || body.isEmpty() ? "nothing" : body.length() > 200 ? body.substring(0, 200) + "..." : body));
        }
        JsonNode properties = json.path("features").path(0).path("properties");
        String codeInsee = properties.path("citycode").asText("");
        String codePostal = properties.path("postcode").asText("");
        return new Place(codeInsee.isEmpty() ? null : codeInsee, codePostal.isEmpty() ? null : codePostal);
    }

    private static String key(Coordinates point) {
        return String.format(Locale.ROOT, "%.5f,%.5f", point.latitude(), point.longitude());
    }
}
