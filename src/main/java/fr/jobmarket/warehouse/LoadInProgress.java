package fr.jobmarket.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One warehouse load as it goes through the warehouse routes (the exchange property {@code warehouseLoad}): its
 * inputs, the connection that holds the load's lock and runs the apply transaction, the COPY streams of the two
 * staging routes, and the counts of the report.
 *
 * <p>The split reads the history one chunk at a time and waits for the multicast of a chunk to finish before the
 * next one, so the rows step (ids, counters) and each staging group are never used by two threads at once.
 */
final class LoadInProgress {

    final Path historyFile;
    final LocalDate extractionDate;
    final boolean fullReload;
    /** The undo of a run: the warehouse becomes the history file's content (see WarehouseApply). */
    final boolean restore;
    final Classification classification;
    final long started = System.nanoTime();

    /** Holds the session's advisory lock from lock() to release(); null until then. */
    Connection control;
    boolean locked;
    /** The warehouse holds no offer: the apply runs without per-row foreign-key checks (WarehouseApply). */
    boolean firstLoad;
    /** Offers dated before this were loaded by an earlier load; null = every offer is loaded. */
    LocalDate loadedFrom;
    /** COPY streams, each owned by one staging route. */
    Staging offers;
    Staging criteria;

    /** Ids staged so far: a repeated id is rejected, the first one wins. */
    final Set<String> ids = new HashSet<>();
    long read;
    long staged;
    long skipped;
    long rejected;
    long withProblems;
    long nulCharacters;
    Reclassifier.Result reclassified = Reclassifier.Result.NONE;
    Map<String, LoadReport.TableCounts> tables;

    LoadInProgress(Path historyFile, LocalDate extractionDate, boolean fullReload, boolean restore,
                   Classification classification) {
        this.historyFile = historyFile;
        this.extractionDate = extractionDate;
        this.fullReload = fullReload || restore;
        this.restore = restore;
        this.classification = classification;
    }
}
