package fr.jobmarket.api;

import fr.jobmarket.config.SqlFiles;
import fr.jobmarket.metrics.BusinessMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers of the query endpoints, one {@link Generation} per snapshot of the warehouse: the snapshot's
 * {@link OfferIndex} (any filter combination counted in memory) and the answers already given from it, keyed
 * by endpoint, normalised parameters and representation.
 *
 * <p>Freshness (routes/api-answers.camel.yaml): the {@code api-freshness} route asks {@link #dataChanged()} every
 * 2 s (the date of the last extraction, the last successful harvest run and the rows written to the warehouse, one
 * cheap query); new data, the end of a harvest's load or an API write runs {@code api-refresh}: {@link #build} reads the new snapshot, the
 * route computes its unfiltered answers in both representations, then {@link #publish} serves it. Until then
 * the previous generation answers, so no request waits for a build.
 *
 * <p>No stampede: requests that miss the same key at the same time wait for the first one's answer.
 */
public final class ApiCache {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCache.class);
    /**
     * Distinct filter combinations are unbounded: past this many answers a generation keeps no more (the first
     * ones include the unfiltered answers; the others are computed again, in milliseconds from the index).
     */
    static final int MAX_ENTRIES = 5_000;
    /** A request waiting for the same answer computed by another gives up after this long. */
    static final long SHARED_WAIT_SECONDS = 60;
    /** Exchange property: the endpoint, its normalised parameters and the representation. */
    static final String KEY = "apiCacheKey";
    /** Exchange property set when the answer came from the cache (or from a concurrent request). */
    static final String HIT = "apiCacheHit";
    /** Exchange property: the generation answering the request (set by lookup, or by api-refresh for its warm-up). */
    static final String GENERATION = "apiGeneration";
    /** Exchange property: the index, when it answers the request's endpoint (else the route reads the SQL statement). */
    static final String INDEX = "apiIndex";
    /**
     * Exchange property set by api-freshness: a refresh it starts may keep the served index when the warehouse's rows
     * did not change. The other callers (a load, an undo, an API write) just wrote: their counters may still lag.
     */
    static final String FRESHNESS_CHECK = "apiFreshnessCheck";
    private static final String COMPUTING = "apiComputing";
    private static final String MISSED_AT = "apiMissedAt";

    /**
     * What the warehouse looks like from outside: any change of it means new data. {@code rowsWritten} catches the
     * writes that change neither the date nor the run (an API write, a script); its counter is not transactional.
     */
    record Stamp(LocalDate lastExtraction, Long lastRun, long rowsWritten) {
    }

    /** The answers of one warehouse snapshot. */
    public static final class Generation {
        private final long number;
        private final Stamp stamp;
        private final OfferIndex index;
        private final long builtAt = System.nanoTime();
        private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<byte[]>> computing = new ConcurrentHashMap<>();

        private Generation(long number, Stamp stamp, OfferIndex index) {
            this.number = number;
            this.stamp = stamp;
            this.index = index;
        }
    }

    /**
     * A request that api-refresh sends through the query route of {@code name}, unfiltered, before serving a new
     * generation.
     */
    public record WarmUp(String name, String accept) {
    }

    private final DataSource dataSource;
    private final BusinessMetrics metrics;
    private final AtomicLong builds = new AtomicLong();
    private final AtomicInteger refreshing = new AtomicInteger();
    private volatile Generation current;

    public ApiCache(DataSource dataSource, BusinessMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** Filter of the api-freshness route: true when the warehouse changed since the served generation was read. */
    public boolean dataChanged() {
        if (refreshing.get() > 0) {
            return false;
        }
        Generation served = current;
        try (Connection connection = dataSource.getConnection()) {
            return served == null || !readStamp(connection).equals(served.stamp);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot check whether the warehouse changed (the API keeps its answers): {}", e.getMessage());
            return false;
        }
    }

    /**
     * First step of api-refresh: reads the warehouse in one read-only, repeatable-read transaction (the date of
     * the last extraction and the index of the same snapshot). The generation is served only by {@link #publish}.
     */
    public Generation build(Exchange exchange) throws SQLException {
        long number = builds.incrementAndGet();
        refreshing.incrementAndGet();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                refreshing.decrementAndGet();
            }
        });
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            // the write counter before the snapshot: a write it misses is seen as a change at the next check
            long rowsWritten = readStamp(connection).rowsWritten();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Stamp read = readStamp(connection);
                Stamp stamp = new Stamp(read.lastExtraction(), read.lastRun(), rowsWritten);
                Generation served = current;
                if (served != null && served.stamp.rowsWritten() == rowsWritten
                        && exchange.getProperty(FRESHNESS_CHECK, false, Boolean.class)) {
                    // only the run record changed (a harvest's end): its data is already indexed. A write whose
                    // counters are not visible yet changes them within a second: the next check rebuilds.
                    LOG.info("API index kept: {} offers, rows unchanged (last extraction {}, harvest run {})",
                            served.index.offers(), stamp.lastExtraction(), stamp.lastRun());
                    return new Generation(number, stamp, served.index);
                }
                OfferIndex index = OfferIndexReader.read(connection);
                metrics.apiIndexBuilt(index.offers(), seconds(started));
                LOG.info("API index built: {} offers in {} ms (last extraction {}, harvest run {})", index.offers(),
                        (System.nanoTime() - started) / 1_000_000, stamp.lastExtraction(), stamp.lastRun());
                return new Generation(number, stamp, index);
            } finally {
                connection.rollback();
            }
        }
    }

    /** The index of the served generation (null before the first): tests check when it is rebuilt. */
    OfferIndex servedIndex() {
        Generation served = current;
        return served == null ? null : served.index;
    }

    /**
     * api-refresh's warm-up: each query endpoint (the routes of the api-query template), unfiltered, as text and as
     * JSON. A filtered answer is counted in the index in milliseconds when first asked.
     */
    public List<WarmUp> warmUpRequests() {
        List<WarmUp> requests = new ArrayList<>();
        for (String name : BusinessMetrics.API_QUERIES) {
            requests.add(new WarmUp(name, "text/plain"));
            requests.add(new WarmUp(name, Responder.JSON_TYPE));
        }
        return requests;
    }

    /** Last step of api-refresh: the generation, its answers computed in advance, is served from now on. */
    public synchronized void publish(Exchange exchange) {
        Generation generation = exchange.getProperty(GENERATION, Generation.class);
        if (current != null && current.number > generation.number) {
            LOG.info("API index {} not served: a newer one is", generation.number);
            return;
        }
        current = generation;
        metrics.apiWarmedUp(seconds(generation.builtAt));
        LOG.info("API answers now from a warehouse of {} offers (latest extraction {}, last successful harvest run {}):"
                        + " {} answers computed in advance in {} ms", generation.index.offers(),
                Objects.toString(generation.stamp.lastExtraction(), "none"), Objects.toString(generation.stamp.lastRun(), "none"),
                generation.answers.size(), (System.nanoTime() - generation.builtAt) / 1_000_000);
    }

    /**
     * Step of the query routes: the kept answer for the exchange's {@link #KEY}, or the one a concurrent request is
     * computing, becomes the body and {@link #HIT} is set, so the route skips its computation. Otherwise this request
     * computes it: {@link #INDEX} is set when the index answers the endpoint.
     */
    public void lookup(Exchange exchange) {
        String endpoint = exchange.getProperty(ApiFilters.ENDPOINT, String.class);
        Generation generation = exchange.getProperty(GENERATION, Generation.class);
        if (generation == null) {
            generation = current;
            if (generation == null) { // nothing built yet (start-up): the route reads the statement
                missed(exchange, endpoint);
                return;
            }
            exchange.setProperty(GENERATION, generation);
        }
        if (OfferIndex.ENDPOINTS.contains(endpoint)) {
            exchange.setProperty(INDEX, generation.index);
        }
        String key = exchange.getProperty(KEY, String.class);
        byte[] kept = generation.answers.get(key);
        String outcome = "cached";
        if (kept == null) {
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            CompletableFuture<byte[]> running = generation.computing.putIfAbsent(key, mine);
            if (running == null) {
                lead(exchange, generation, key, mine);
                missed(exchange, endpoint);
                return;
            }
            kept = shared(running, key);
            outcome = "shared";
        }
        metrics.apiAnswer(endpoint, outcome);
        Responder.Request request = Responder.request(exchange);
        exchange.getMessage().setBody(new Responder.Answer(200,
                request.representation() == Responder.Representation.JSON ? Responder.JSON_TYPE : Responder.TEXT, kept));
        exchange.setProperty(HIT, true);
    }

    /** This request computes the answer; whatever happens, the requests waiting for it are released when it ends. */
    private static void lead(Exchange exchange, Generation generation, String key, CompletableFuture<byte[]> mine) {
        exchange.setProperty(COMPUTING, mine);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                mine.completeExceptionally(new IllegalStateException("the answer for " + key + " could not be computed"));
                generation.computing.remove(key, mine);
            }
        });
    }

    private void missed(Exchange exchange, String endpoint) {
        exchange.setProperty(MISSED_AT, System.nanoTime());
        metrics.apiAnswer(endpoint, "computed");
    }

    private static byte[] shared(CompletableFuture<byte[]> running, String key) {
        try {
            return running.get(SHARED_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answer for " + key, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the answer for " + key + " took more than " + SHARED_WAIT_SECONDS + " s", e);
        }
    }

    /** Step of the query routes: keeps the computed answer and hands it to the requests waiting for it. */
    public void store(Exchange exchange) {
        Responder.Answer answer = Responder.answer(exchange);
        String endpoint = exchange.getProperty(ApiFilters.ENDPOINT, String.class);
        Long missedAt = exchange.getProperty(MISSED_AT, Long.class);
        if (missedAt != null) {
            metrics.apiCompute(endpoint, exchange.getProperty(INDEX) != null ? "index" : "sql", System.nanoTime() - missedAt);
        }
        Generation generation = exchange.getProperty(GENERATION, Generation.class);
        if (generation == null) {
            return;
        }
        String key = exchange.getProperty(KEY, String.class);
        if (answer.status() == 200 && generation.answers.size() < MAX_ENTRIES) {
            generation.answers.put(key, answer.body());
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<byte[]> mine = exchange.getProperty(COMPUTING, CompletableFuture.class);
        if (mine != null) {
            mine.complete(answer.body());
            generation.computing.remove(key, mine);
        }
    }

    /** Date of the last successful extraction of the served answers, or null while the warehouse is empty. */
    public LocalDate lastExtraction() {
        Generation served = current;
        return served == null ? null : served.stamp.lastExtraction();
    }

    private static Stamp readStamp(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SqlFiles.load("api/derniere-mise-a-jour.sql"));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            java.sql.Date date = rows.getDate("derniere_extraction");
            long run = rows.getLong("dernier_run");
            Long lastRun = rows.wasNull() ? null : run;
            return new Stamp(date == null ? null : date.toLocalDate(), lastRun, rows.getLong("lignes_ecrites"));
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
