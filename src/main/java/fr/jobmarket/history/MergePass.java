package fr.jobmarket.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Where one batch offer lies in the batch file, and whether it can be copied with only its first-write date added. */
    private record BatchOffer(String id, long start, long end, boolean stampOnly) {
    }

    private final Set<String> batchIds = new HashSet<>();
    private final List<BatchOffer> batch = new ArrayList<>();
    private final Map<String, String> firstWrites = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private long kept;
    private long updated;

    private MergePass() {
    }

    /**
     * Reads the batch's ids and where each offer lies; a batch offer without id or an id seen twice fails before
     * anything is written. An offer already carrying this run's {@code dateExtraction}, and neither a first-write
     * date nor a personal-data attribute (not even null), as the pipeline produces it, only needs its first-write
     * date added: it is copied byte for byte with that field appended instead of being parsed and written again.
     */
    static MergePass forBatch(Path batchFile, String extractionDate) throws IOException {
        MergePass pass = new MergePass();
        List<String> fields = new ArrayList<>(List.of("id", DATE_EXTRACTION, DATE_PREMIERE_ECRITURE));
        fields.addAll(PERSONAL_DATA);
        JsonArrayFiles.forEachSpan(batchFile, fields, (index, start, end, values) -> {
            String id = values[0];
            if (id == null || id.isBlank()) {
                throw new IOException(batchFile + ": expected an id in every offer, offer #" + index + " has none");
            }
            if (!pass.batchIds.add(id)) {
                throw new IOException(batchFile + ": offer id " + id + " appears twice (again at offer #" + index
                        + "); the batch must be deduplicated by id before the merge");
            }
            if (start < 0) {
                throw new IOException(batchFile + ": expected a UTF-8 file (RFC 8259), offer #" + index + " has no byte position");
            }
            boolean stampOnly = extractionDate.equals(values[1]) && values[2] == null
                    && Arrays.stream(values, 3, values.length).allMatch(Objects::isNull);
            pass.batch.add(new BatchOffer(id, start, end, stampOnly));
        });
        return pass;
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

    /** Every batch offer, in batch order, with this run's extraction date and its first-write date. */
    void writeBatch(Path batchFile, String extractionDate, JsonArrayFiles.AtomicWriter writer) throws IOException {
        try (FileChannel source = FileChannel.open(batchFile, StandardOpenOption.READ)) {
            for (BatchOffer offer : batch) {
                String previousFirstWrite = firstWrites.get(offer.id());
                if (previousFirstWrite != null) {
                    updated++;
                }
                // An empty first-write date in the previous file (an archive of the original) counts as unknown.
                String firstWrite = previousFirstWrite == null || previousFirstWrite.isBlank() ? extractionDate : previousFirstWrite;
                if (offer.stampOnly()) {
                    writer.copyAdding(source, offer.start(), offer.end(), DATE_PREMIERE_ECRITURE, firstWrite);
                } else {
                    writer.write(stamped(read(source, offer, batchFile), extractionDate, firstWrite));
                }
                ids.add(offer.id());
            }
        }
    }

    private static ObjectNode stamped(ObjectNode offer, String extractionDate, String firstWrite) {
        offer.remove(PERSONAL_DATA);
        offer.put(DATE_EXTRACTION, extractionDate);
        offer.put(DATE_PREMIERE_ECRITURE, firstWrite);
        return offer;
    }

    private static ObjectNode read(FileChannel source, BatchOffer offer, Path batchFile) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(offer.end() - offer.start()));
        while (bytes.hasRemaining() && source.read(bytes, offer.start() + bytes.position()) >= 0) {
            // reads until the buffer is full or the file ends
        }
        JsonNode node = JsonArrayFiles.MAPPER.readTree(bytes.array());
        if (!(node instanceof ObjectNode object) || !offer.id().equals(object.path("id").asText())) {
            throw new IOException(batchFile + ": offer " + offer.id() + " changed while the merge read the file");
        }
        return object;
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
}
