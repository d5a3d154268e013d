package fr.jobmarket.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.config.Settings;
import fr.jobmarket.history.JsonArrayFiles;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The steps of the warehouse routes (warehouse.camel.yaml), which load the cumulative history file into the
 * warehouse (reference.md section 5, architecture.md "the staging-table pattern"): read the file once, COPY the
 * rows of each table group into its staging tables from its own route, stage the classification changes of the
 * other offers, then apply everything in one transaction.
 *
 * <p>Only what may have changed is loaded: an offer's values change only when an extraction sees it again,
 * so offers dated before the warehouse's latest date_extraction are already there as they are in the file
 * (the previous successful load saw them). After a failed load the warehouse's latest date stays older, so
 * the next load takes its offers too. {@code jobmarket.warehouse.full-reload} loads every offer.
 *
 * <p>The offers outside the load are reclassified only when the classification's fingerprint differs from
 * the one the last successful load recorded (see {@link Reclassifier}).
 */
public final class WarehouseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLoader.class);
    /** Exchange property holding the {@link LoadInProgress}. */
    static final String LOAD = "warehouseLoad";
    /** Exchange property: true for the undo of a run, which makes the warehouse the history file's content. */
    static final String RESTORE = "warehouseRestore";
    /** Headers the route's sql: reads answer in. */
    static final String LATEST_EXTRACTION = "warehouseLatestExtraction";
    static final String STORED_FINGERPRINT = "warehouseStoredFingerprint";
    /**
     * Offers per exchange of the split: the staging routes' per-exchange cost vanishes against 1,000 offers,
     * and memory holds one chunk, not the history.
     */
    static final int CHUNK_OFFERS = 1000;
    /** Advisory lock key of the load ("jobmarket warehouse"): the staging tables are shared. */
    private static final long LOCK_KEY = 0x6a6f_6277_6172_6568L;
    /** Offers whose unreadable attributes are logged one by one; later ones only count. */
    private static final int PROBLEMS_LOGGED = 20;
    private static final List<String> OFFER_TABLES = List.of("staging_offre");
    private static final List<String> CRITERIA_TABLES = List.of("staging_competence", "staging_formation",
            "staging_qualiteprofessionnelle", "staging_langue", "staging_permisconduire");

    private final DataSource dataSource;
    private final Settings settings;

    public WarehouseLoader(DataSource dataSource, Settings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * {@code warehouseLoader} and {@code warehouseStagingPool}, the multicast's threads: one per staging route,
     * so both groups of tables are written at the same time.
     */
    public static void bind(CamelContext context, DataSource dataSource, Settings settings) {
        context.getRegistry().bind("warehouseLoader", new WarehouseLoader(dataSource, settings));
        context.getRegistry().bind("warehouseStagingPool",
                context.getExecutorServiceManager().newFixedThreadPool(WarehouseLoader.class, "warehouse-staging", 2));
    }

    /**
     * The load of this exchange: the history file is the body (path text, Path or File); the run's date is the
     * exchange property {@code extractionDate} (LocalDate or YYYY-MM-DD), set once by the harvest route; the property
     * {@code warehouseRestore} true for the undo of a run (a full reload that also removes what the file does not hold).
     */
    public LoadInProgress start(Exchange exchange) {
        Object file = exchange.getMessage().getBody();
        Path history = file instanceof Path path ? path : file instanceof File f ? f.toPath()
                : file == null ? null : Path.of(file.toString());
        if (history == null) {
            throw new IllegalArgumentException("Warehouse load: expected the history file path in the body, found none");
        }
        Object date = exchange.getProperty("extractionDate");
        LocalDate extractionDate;
        try {
            extractionDate = date instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(date));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Warehouse load of " + history + ": expected the property extractionDate"
                    + " as YYYY-MM-DD, found '" + date + "'");
        }
        return new LoadInProgress(history, extractionDate, settings.bool("jobmarket.warehouse.full-reload"),
                Boolean.TRUE.equals(exchange.getProperty(RESTORE, Boolean.class)), Classification.of(settings));
    }

    /**
     * Takes the load's advisory lock. The lock belongs to the database session, so the connection is held until
     * {@link #release}; the apply transaction runs on it too.
     */
    public void lock(@ExchangeProperty(LOAD) LoadInProgress load) throws SQLException {
        load.control = dataSource.getConnection();
        load.control.setAutoCommit(true);
        try (PreparedStatement statement = load.control.prepareStatement(WarehouseApply.sql("load_lock_try"))) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                load.locked = rows.getBoolean(1);
            }
        }
        if (!load.locked) {
            throw new SQLException("another warehouse load is running on this database; " + load.historyFile
                    + " was not loaded");
        }
    }

    /**
     * Opens the COPY of every staging table (after the truncate, which would wait for an open COPY). The offers
     * dated before the warehouse's latest extraction are skipped unless the load is a full reload.
     */
    public void openStaging(@ExchangeProperty(LOAD) LoadInProgress load, @Header(LATEST_EXTRACTION) java.sql.Date latest)
            throws SQLException {
        load.loadedFrom = load.fullReload || latest == null ? null : latest.toLocalDate();
        load.firstLoad = latest == null && !load.restore;
        load.offers = new Staging(dataSource, OFFER_TABLES);
        load.criteria = new Staging(dataSource, CRITERIA_TABLES);
    }

    /** The history file in chunks of {@link #CHUNK_OFFERS} offers, read as the split asks for them. */
    public Iterator<List<ObjectNode>> chunks(@ExchangeProperty(LOAD) LoadInProgress load) throws IOException {
        return new Chunks(new JsonArrayFiles.ObjectIterator(load.historyFile));
    }

    /** The staging rows of a chunk's offers; skips the offers already loaded, rejects those without a usable id. */
    public List<OfferRows> rows(@ExchangeProperty(LOAD) LoadInProgress load, @Body List<ObjectNode> offers) {
        List<OfferRows> chunk = new ArrayList<>(offers.size());
        for (ObjectNode offer : offers) {
            load.read++;
            if (load.loadedFrom != null && isBefore(offer, load.loadedFrom)) {
                load.skipped++;
                continue;
            }
            OfferRows rows = OfferRows.of(offer, load.extractionDate, load.classification);
            if (rows == null || !load.ids.add(rows.offreId())) {
                load.rejected++;
                LOG.warn("{}: offer #{} {} is not loaded", load.historyFile.getFileName(), load.read,
                        rows == null ? "has no usable id" : "repeats id " + rows.offreId() + " (the first one is loaded)");
                continue;
            }
            report(rows, load);
            load.staged++;
            chunk.add(rows);
        }
        return chunk;
    }

    /** Step of the route warehouse-stage-offers: the chunk's staging_offre rows. */
    public void copyOffers(@ExchangeProperty(LOAD) LoadInProgress load, @Body List<OfferRows> chunk) throws SQLException {
        for (OfferRows rows : chunk) {
            load.offers.add("staging_offre", rows.offre());
        }
    }

    /** Step of the route warehouse-stage-criteria: the chunk's rows of the five multi-valued criteria. */
    public void copyCriteria(@ExchangeProperty(LOAD) LoadInProgress load, @Body List<OfferRows> chunk) throws SQLException {
        Staging staging = load.criteria;
        for (OfferRows rows : chunk) {
            staging.addAll("staging_competence", rows.competences());
            staging.addAll("staging_formation", rows.formations());
            staging.addAll("staging_qualiteprofessionnelle", rows.qualites());
            staging.addAll("staging_langue", rows.langues());
            staging.addAll("staging_permisconduire", rows.permis());
        }
    }

    /** Ends every COPY once the split is over: the staged rows become visible to the other connections. */
    public void endCopy(@ExchangeProperty(LOAD) LoadInProgress load) throws SQLException {
        load.offers.finish();
        load.criteria.finish();
        LOG.debug("Staged {} offers in {} ms", load.staged, elapsedMillis(load));
    }

    /** The offers outside the load keep their class unless the classification changed since the last load. */
    public boolean classificationChanged(@ExchangeProperty(LOAD) LoadInProgress load,
            @Header(STORED_FINGERPRINT) String stored) {
        return !load.classification.fingerprint().equals(stored);
    }

    public void reclassify(@ExchangeProperty(LOAD) LoadInProgress load) throws SQLException {
        load.reclassified = Reclassifier.stageChanges(dataSource, load.classification);
        LOG.debug("Reclassification staged after {} ms", elapsedMillis(load));
    }

    /** The one transaction of the load, on the connection that holds the lock. */
    public void apply(@ExchangeProperty(LOAD) LoadInProgress load) throws SQLException {
        load.tables = WarehouseApply.apply(load.control, load.classification.fingerprint(), load.restore,
                load.firstLoad);
        LOG.debug("Applied after {} ms", elapsedMillis(load));
    }

    public LoadReport report(@ExchangeProperty(LOAD) LoadInProgress load) {
        LoadReport report = new LoadReport(load.historyFile, load.extractionDate, load.loadedFrom, load.read, load.staged,
                load.skipped, load.rejected, load.withProblems, load.nulCharacters, load.reclassified.rechecked(),
                load.reclassified.changed(), load.tables, Duration.ofNanos(System.nanoTime() - load.started));
        LOG.info(report.summary());
        return report;
    }

    /** Turns the failure of any step into one readable exception naming the file. */
    public void fail(@ExchangeProperty(LOAD) LoadInProgress load,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        // the split and the multicast wrap the failure of a chunk: the cause says what happened
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException e) {
                throw new WarehouseLoadException("Warehouse load of " + load.historyFile
                        + " failed, the warehouse is unchanged: " + WarehouseApply.describe(e), failure);
            }
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                throw new WarehouseLoadException("Warehouse load of " + load.historyFile + " failed reading the history,"
                        + " the warehouse is unchanged: " + cause.getMessage(), failure);
            }
        }
        throw new WarehouseLoadException("Warehouse load of " + load.historyFile + " failed, the warehouse is unchanged: "
                + failure, failure);
    }

    /**
     * Cancels any COPY still open, empties the staging tables and releases the lock with its connection. Never
     * masks the load's own outcome; a load that did not get the lock leaves the staging tables to the one that has it.
     */
    public void release(@ExchangeProperty(LOAD) LoadInProgress load) {
        if (load.offers != null) {
            load.offers.close();
        }
        if (load.criteria != null) {
            load.criteria.close();
        }
        if (load.control == null) {
            return;
        }
        try (Connection connection = load.control) {
            if (load.locked) {
                emptyStaging(connection);
                unlock(connection);
            }
        } catch (SQLException e) {
            LOG.warn("Closing the warehouse load's connection failed: {}", e.getMessage());
        }
    }

    private static void report(OfferRows rows, LoadInProgress load) {
        load.nulCharacters += rows.nulCharacters();
        if (!rows.problems().isEmpty()) {
            load.withProblems++;
            if (load.withProblems <= PROBLEMS_LOGGED) {
                LOG.warn("Offer {}: unreadable attribute(s) stored as NULL: {}", rows.offreId(), rows.problems());
            } else {
                LOG.debug("Offer {}: unreadable attribute(s) stored as NULL: {}", rows.offreId(), rows.problems());
            }
        }
    }

    /** True when the offer's dateExtraction is readable and older than {@code date} (YYYY-MM-DD compares as text). */
    private static boolean isBefore(ObjectNode offer, LocalDate date) {
        JsonNode value = offer.get("dateExtraction");
        if (value == null || !value.isTextual()) {
            return false;
        }
        String text = value.asText().strip();
        int t = text.indexOf('T');
        try {
            return LocalDate.parse(t >= 0 ? text.substring(0, t) : text).isBefore(date);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The staging copy of the offers is not kept between loads. */
    private static void emptyStaging(Connection connection) {
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(WarehouseApply.sql("staging_truncate"))) {
                statement.execute();
            }
        } catch (SQLException e) {
            LOG.warn("Emptying the warehouse staging tables failed: {}", e.getMessage());
        }
    }

    /** The lock also ends with the connection's session. */
    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(WarehouseApply.sql("load_lock_release"))) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            LOG.warn("Releasing the warehouse load lock failed: {}", e.getMessage());
        }
    }

    private static long elapsedMillis(LoadInProgress load) {
        return (System.nanoTime() - load.started) / 1_000_000;
    }

    /** Groups the offers of the file; Closeable, so the split closes the file however it ends. */
    private static final class Chunks implements Iterator<List<ObjectNode>>, Closeable {
        private final JsonArrayFiles.ObjectIterator offers;

        Chunks(JsonArrayFiles.ObjectIterator offers) {
            this.offers = offers;
        }

        @Override
        public boolean hasNext() {
            return offers.hasNext();
        }

        @Override
        public List<ObjectNode> next() {
            if (!offers.hasNext()) {
                throw new NoSuchElementException("no more offers");
            }
            List<ObjectNode> chunk = new ArrayList<>(CHUNK_OFFERS);
            while (chunk.size() < CHUNK_OFFERS && offers.hasNext()) {
                chunk.add(offers.next());
            }
            return chunk;
        }

        @Override
        public void close() {
            offers.close();
        }
    }
}
