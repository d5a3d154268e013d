package fr.jobmarket.api;

import fr.jobmarket.config.SqlFiles;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of the read endpoints, kept until the data changes: keyed by endpoint, normalised parameters
 * and representation. The warehouse is only written by loads and by the API's own writes, so the cache is
 * emptied by {@link #invalidate()} (called after each load and each API write) and, as a safety net, when
 * a new greatest {@code date_extraction} or a new successful harvest run is seen (checked at most every
 * {@link #CHECK_INTERVAL_MS} ms, one indexed query).
 */
public final class ApiCache {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCache.class);
    static final long CHECK_INTERVAL_MS = 2_000;
    /** Distinct filter combinations are unbounded; past this many entries the cache starts again. */
    static final int MAX_ENTRIES = 5_000;
    /** Exchange property: the endpoint, its normalised parameters and the representation. */
    static final String KEY = "apiCacheKey";
    /** Exchange property set when the answer came from the cache. */
    static final String HIT = "apiCacheHit";

    private record Stamp(LocalDate lastExtraction, Long lastRun) {
    }

    private final DataSource dataSource;
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private volatile Stamp stamp;
    private volatile long checkedAt;
    private final java.util.concurrent.locks.ReentrantLock refreshing = new java.util.concurrent.locks.ReentrantLock();

    public ApiCache(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empties the cache and re-reads the date of the last extraction; the lead calls it after each load. */
    public void invalidate() {
        answers.clear();
        checkedAt = 0;
        LOG.debug("API cache emptied");
    }

    /**
     * Step of the query routes: when the answer for the exchange's {@link #KEY} is kept, it becomes the body
     * and {@link #HIT} is set, so the route skips its query.
     */
    public void lookup(Exchange exchange) {
        refreshIfDataChanged();
        String key = exchange.getProperty(KEY, String.class);
        byte[] kept = answers.get(key);
        if (kept != null) {
            Responder.Request request = Responder.request(exchange);
            exchange.getMessage().setBody(new Responder.Answer(200,
                    request.representation() == Responder.Representation.JSON ? Responder.JSON_TYPE : Responder.TEXT, kept));
            exchange.setProperty(HIT, true);
        }
    }

    /** Step of the query routes: keeps the answer in the body under the exchange's {@link #KEY}. */
    public void store(Exchange exchange) {
        Responder.Answer answer = Responder.answer(exchange);
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        answers.put(exchange.getProperty(KEY, String.class), answer.body());
    }

    /** Date of the last successful extraction, or null while the warehouse is empty. */
    public LocalDate lastExtraction() {
        refreshIfDataChanged();
        Stamp current = stamp;
        return current == null ? null : current.lastExtraction();
    }

    /** One request re-reads the stamp; the others meanwhile go on with the answers they have. */
    private void refreshIfDataChanged() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < CHECK_INTERVAL_MS && stamp != null) {
            return;
        }
        if (stamp != null && !refreshing.tryLock()) {
            return;
        }
        if (stamp == null) {
            refreshing.lock();
        }
        try {
            if (now - checkedAt < CHECK_INTERVAL_MS && stamp != null) {
                return;
            }
            Stamp seen = readStamp();
            if (stamp != null && !Objects.equals(seen, stamp)) {
                answers.clear();
                LOG.info("API cache emptied: new data (last extraction {}, harvest run {})", seen.lastExtraction(), seen.lastRun());
            }
            stamp = seen;
            checkedAt = now;
        } finally {
            refreshing.unlock();
        }
    }

    private Stamp readStamp() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SqlFiles.load("api/derniere-mise-a-jour.sql"));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            java.sql.Date date = rows.getDate("derniere_extraction");
            long run = rows.getLong("dernier_run");
            return new Stamp(date == null ? null : date.toLocalDate(), rows.wasNull() ? null : run);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the date of the last extraction: " + e.getMessage(), e);
        }
    }
}
