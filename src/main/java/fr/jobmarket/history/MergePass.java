package fr.jobmarket.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.jobmarket.history.OfferHistory.DATE_EXTRACTION;
import static fr.jobmarket.history.OfferHistory.DATE_PREMIERE_ECRITURE;
import static fr.jobmarket.history.OfferHistory.PERSONAL_DATA;

/**
 * The content of one merge (reference.md 4.2), streamed: the offers of the previous file whose id is not in the
 * batch, then every batch offer. Holds only the batch's ids, the first-write dates of offers in both files and the
 * ids written (for offers_ids.txt).
 */
final class MergePass {

    /** Kept offers are copied in runs of at most this size, so the copies keep pace with the parsing. */
    private static final long MAX_RUN_BYTES = 16L << 20;

    private final Set<String> batchIds;
    private final Map<String, String> firstWrites = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private long kept;
    private long updated;

    private MergePass(Set<String> batchIds) {
        this.batchIds = batchIds;
    }

    /** Reads the batch's ids; a batch offer without id or an id seen twice fails before anything is written. */
    static MergePass forBatch(Path batchFile) throws IOException {
        Set<String> batchIds = new HashSet<>();
        JsonArrayFiles.forEachSpan(batchFile, List.of("id"), (index, start, end, values) -> {
            String id = values[0];
            if (id == null || id.isBlank()) {
                throw new IOException(batchFile + ": expected an id in every offer, offer #" + index + " has none");
            }
            if (!batchIds.add(id)) {
                throw new IOException(batchFile + ": offer id " + id + " appears twice (again at offer #" + index
                        + "); the batch must be deduplicated by id before the merge");
            }
        });
        return new MergePass(batchIds);
    }

    /**
     * Offers of the previous file absent from the batch, copied byte for byte (they are unchanged by definition,
     * and copying is several times faster than parsing and writing again); remembers the first-write date of the
     * others.
     */
    void copyKeptOffers(Path previous, JsonArrayFiles.AtomicWriter writer) throws IOException {
        try (FileChannel source = FileChannel.open(previous, StandardOpenOption.READ)) {
            long[] run = {0, 0, 0}; // start, end, offers of the consecutive kept offers not copied yet
            JsonArrayFiles.forEachSpan(previous, List.of("id", DATE_PREMIERE_ECRITURE), (index, start, end, values) -> {
                String id = values[0];
                if (id == null || id.isBlank()) {
                    throw new IOException(previous + ": expected an id in every offer, offer #" + index + " has none");
                }
                if (start < 0) {
                    throw new IOException(previous + ": expected a UTF-8 file, its offers cannot be copied byte for byte");
                }
                if (batchIds.contains(id)) {
                    firstWrites.put(id, values[1] == null ? "" : values[1]);
                    copyRun(source, run, writer);
                    return;
                }
                if (run[2] == 0) {
                    run[0] = start;
                }
                run[1] = end;
                run[2]++;
                ids.add(id);
                kept++;
                if (run[1] - run[0] >= MAX_RUN_BYTES) {
                    copyRun(source, run, writer);
                }
            });
            copyRun(source, run, writer);
        }
    }

    private static void copyRun(FileChannel source, long[] run, JsonArrayFiles.AtomicWriter writer) throws IOException {
        if (run[2] > 0) {
            writer.copy(source, run[0], run[1], run[2]);
            run[2] = 0;
        }
    }

    /** Every batch offer, in batch order, stamped with the extraction date and its first-write date. */
    void writeBatch(Path batchFile, String extractionDate, JsonArrayFiles.AtomicWriter writer) throws IOException {
        long[] index = {0};
        JsonArrayFiles.forEach(batchFile, offer -> {
            String id = text(offer.get("id"));
            if (id == null || !batchIds.contains(id)) {
                throw new IOException(batchFile + ": offer #" + index[0] + " (id " + id + ") changed while the merge read the file");
            }
            index[0]++;
            String firstWrite = firstWrites.get(id);
            if (firstWrite != null) {
                updated++;
            }
            offer.remove(PERSONAL_DATA);
            offer.put(DATE_EXTRACTION, extractionDate);
            // An empty first-write date in the previous file (an archive of the original) counts as unknown.
            offer.put(DATE_PREMIERE_ECRITURE, firstWrite == null || firstWrite.isBlank() ? extractionDate : firstWrite);
            writer.write(offer);
            ids.add(id);
        });
    }

    List<String> ids() {
        return ids;
    }

    long kept() {
        return kept;
    }

    long updated() {
        return updated;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
