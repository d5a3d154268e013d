package fr.jobmarket.warehouse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one warehouse load did: offers read from the history and what became of them, and rows inserted,
 * updated and deleted per warehouse table (counts of rows that really changed).
 *
 * @param loadedFrom        offers dated before this were skipped as already loaded; null = every offer loaded
 * @param offersSkipped     offers dated before {@code loadedFrom}
 * @param offersRejected    offers without a usable id, or repeating an id already read (first one wins)
 * @param offersWithProblems offers with at least one unreadable attribute, stored as NULL
 * @param nulCharactersRemoved NUL characters removed from texts (PostgreSQL text cannot hold them)
 * @param offersRechecked   offers outside the load whose metier_data and keywords were recomputed: all of
 *                          them when the classification changed since the last load, none otherwise
 * @param offersReclassified offers outside the load whose metier_data or keywords changed
 */
public record LoadReport(Path historyFile, LocalDate extractionDate, LocalDate loadedFrom, long offersRead,
        long offersStaged, long offersSkipped, long offersRejected, long offersWithProblems, long nulCharactersRemoved,
        long offersRechecked, long offersReclassified, Map<String, TableCounts> tables, Duration duration) {

    public record TableCounts(long inserted, long updated, long deleted) {
        TableCounts plus(TableCounts other) {
            return new TableCounts(inserted + other.inserted, updated + other.updated, deleted + other.deleted);
        }

        @Override
        public String toString() {
            return "+" + inserted + " ~" + updated + " -" + deleted;
        }
    }

    public TableCounts table(String name) {
        return tables.getOrDefault(name, new TableCounts(0, 0, 0));
    }

    /** The stage's log line. */
    public String summary() {
        return String.format("Warehouse load of %s (extraction %s, %s): %d offers read, %d loaded, %d skipped as"
                        + " already loaded, %d rejected, %d with unreadable attributes, %d NUL characters removed,"
                        + " %d re-checked for a new classification, %d reclassified; rows +inserted ~updated -deleted: %s; %d ms",
                historyFile.getFileName(), extractionDate, loadedFrom == null ? "full" : "from " + loadedFrom,
                offersRead, offersStaged, offersSkipped, offersRejected, offersWithProblems, nulCharactersRemoved,
                offersRechecked, offersReclassified,
                tables.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                duration.toMillis());
    }

    /** Plain values for the run record (harvest_run.counts). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("offers_read", offersRead);
        map.put("offers_loaded", offersStaged);
        map.put("offers_skipped", offersSkipped);
        map.put("offers_rejected", offersRejected);
        map.put("offers_with_problems", offersWithProblems);
        map.put("nul_characters_removed", nulCharactersRemoved);
        map.put("offers_rechecked", offersRechecked);
        map.put("offers_reclassified", offersReclassified);
        Map<String, Object> perTable = new LinkedHashMap<>();
        tables.forEach((table, counts) -> perTable.put(table,
                Map.of("inserted", counts.inserted(), "updated", counts.updated(), "deleted", counts.deleted())));
        map.put("tables", perTable);
        map.put("seconds", duration.toMillis() / 1000.0);
        return map;
    }

    @Override
    public String toString() {
        return summary();
    }
}
