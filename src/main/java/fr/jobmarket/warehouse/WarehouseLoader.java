package fr.jobmarket.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.config.Settings;
import fr.jobmarket.history.JsonArrayFiles;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the cumulative history file into the warehouse (reference.md section 5, architecture.md "the
 * staging-table pattern"): stream the file, COPY the rows of each table into its staging table, stage the
 * classification changes of the other offers, then apply everything in one transaction.
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
    /** Advisory lock key of the load ("jobmarket warehouse"): the staging tables are shared. */
    private static final long LOCK_KEY = 0x6a6f_6277_6172_6568L;
    /** Offers whose unreadable attributes are logged one by one; later ones only count. */
    private static final int PROBLEMS_LOGGED = 20;
    private static final List<String> STAGING = List.of("staging_offre", "staging_competence", "staging_formation",
            "staging_qualiteprofessionnelle", "staging_langue", "staging_permisconduire");

    private final DataSource dataSource;
    private final Settings settings;

    public WarehouseLoader(DataSource dataSource, Settings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * Camel entry of {@code direct:warehouse-load}: the history file is the body (path text, Path or File); the
     * run's date is the exchange property {@code extractionDate} (LocalDate or YYYY-MM-DD), set once by the harvest
     * route. The report becomes the body.
     */
    public LoadReport load(Exchange exchange) {
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
        return load(history, extractionDate);
    }

    /** Loads {@code historyFile}; on failure the warehouse is unchanged and a WarehouseLoadException says why. */
    public LoadReport load(Path historyFile, LocalDate extractionDate) {
        long started = System.nanoTime();
        boolean full = settings.bool("jobmarket.warehouse.full-reload");
        Classification classification = Classification.of(settings);
        try (Connection control = dataSource.getConnection()) {
            control.setAutoCommit(true);
            lock(control, historyFile);
            try {
                LocalDate loadedFrom = full ? null : latestExtraction(control);
                execute(control, "staging_truncate");
                Counter counter = stage(historyFile, extractionDate, loadedFrom, classification);
                execute(control, "staging_analyze");
                LOG.debug("Staged {} offers in {} ms", counter.staged, (System.nanoTime() - started) / 1_000_000);
                // the offers outside the load keep their class unless the classification changed since the last load
                boolean classificationChanged = !classification.fingerprint().equals(storedFingerprint(control));
                Reclassifier.Result reclassified = classificationChanged
                        ? Reclassifier.stageChanges(dataSource, classification) : Reclassifier.Result.NONE;
                LOG.debug("Reclassification staged after {} ms", (System.nanoTime() - started) / 1_000_000);
                Map<String, LoadReport.TableCounts> tables = WarehouseApply.apply(control, classification.fingerprint());
                LOG.debug("Applied after {} ms", (System.nanoTime() - started) / 1_000_000);
                LoadReport report = new LoadReport(historyFile, extractionDate, loadedFrom, counter.read, counter.staged,
                        counter.skipped, counter.rejected, counter.withProblems, counter.nulCharacters, reclassified.rechecked(),
                        reclassified.changed(),
                        tables, Duration.ofNanos(System.nanoTime() - started));
                LOG.info(report.summary());
                return report;
            } finally {
                emptyStaging(control);
                unlock(control);
            }
        } catch (SQLException e) {
            throw new WarehouseLoadException("Warehouse load of " + historyFile + " failed, the warehouse is unchanged: "
                    + WarehouseApply.describe(e), e);
        } catch (IOException e) {
            throw new WarehouseLoadException("Warehouse load of " + historyFile + " failed reading the history,"
                    + " the warehouse is unchanged: " + e.getMessage(), e);
        }
    }

    private Counter stage(Path historyFile, LocalDate extractionDate, LocalDate loadedFrom,
            Classification classification) throws IOException, SQLException {
        Counter counter = new Counter();
        Set<String> ids = new HashSet<>();
        try (Staging staging = new Staging(dataSource, STAGING)) {
            JsonArrayFiles.forEach(historyFile, offer -> {
                counter.read++;
                if (loadedFrom != null && isBefore(offer, loadedFrom)) {
                    counter.skipped++;
                    return;
                }
                OfferRows rows = OfferRows.of(offer, extractionDate, classification);
                if (rows == null || !ids.add(rows.offreId())) {
                    counter.rejected++;
                    LOG.warn("{}: offer #{} {} is not loaded", historyFile.getFileName(), counter.read,
                            rows == null ? "has no usable id" : "repeats id " + rows.offreId() + " (the first one is loaded)");
                    return;
                }
                report(rows, counter);
                try {
                    staging.add("staging_offre", rows.offre());
                    staging.addAll("staging_competence", rows.competences());
                    staging.addAll("staging_formation", rows.formations());
                    staging.addAll("staging_qualiteprofessionnelle", rows.qualites());
                    staging.addAll("staging_langue", rows.langues());
                    staging.addAll("staging_permisconduire", rows.permis());
                } catch (SQLException e) {
                    throw new IOException("offer " + rows.offreId() + ": " + WarehouseApply.describe(e), e);
                }
                counter.staged++;
            });
            staging.finish();
        }
        return counter;
    }

    private static void report(OfferRows rows, Counter counter) {
        counter.nulCharacters += rows.nulCharacters();
        if (!rows.problems().isEmpty()) {
            counter.withProblems++;
            if (counter.withProblems <= PROBLEMS_LOGGED) {
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

    private static LocalDate latestExtraction(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WarehouseApply.sql("warehouse_latest_extraction"));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            Date date = rows.getDate(1);
            return date == null ? null : date.toLocalDate();
        }
    }

    /** The classification fingerprint of the last successful load; null before the first one. */
    private static String storedFingerprint(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WarehouseApply.sql("classification_state_read"));
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void lock(Connection connection, Path historyFile) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WarehouseApply.sql("load_lock_try"))) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    throw new SQLException("another warehouse load is running on this database; " + historyFile
                            + " was not loaded");
                }
            }
        }
    }

    /** The staging copy of the offers is not kept between loads; never masks the load's own outcome. */
    private static void emptyStaging(Connection connection) {
        try {
            connection.setAutoCommit(true);
            execute(connection, "staging_truncate");
        } catch (SQLException e) {
            LOG.warn("Emptying the warehouse staging tables failed: {}", e.getMessage());
        }
    }

    /** Never masks the load's own outcome: the lock also ends with the connection's session. */
    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(WarehouseApply.sql("load_lock_release"))) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            LOG.warn("Releasing the warehouse load lock failed: {}", e.getMessage());
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WarehouseApply.sql(sql))) {
            statement.execute();
        }
    }

    private static final class Counter {
        long read;
        long staged;
        long skipped;
        long rejected;
        long withProblems;
        long nulCharacters;
    }
}
