package fr.jobmarket.harvest;

import fr.jobmarket.geo.LocationEnricher;
import fr.jobmarket.geo.LocationStats;
import fr.jobmarket.geo.MetropolitanFilter;
import fr.jobmarket.history.JsonArrayFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds this run's batch from the raw files of the harvest, streaming one offer at a time: dedupe by
 * offer id (the first copy in appellation order is kept: copies returned for several appellations carry
 * the same content, and a fixed order makes the result reproducible), keep metropolitan France, resolve
 * the location, stamp the extraction date, and drop the personal data (contacts, agencies) that the
 * product never keeps.
 */
public final class OfferBatch {

    private static final Logger LOG = LoggerFactory.getLogger(OfferBatch.class);
    /** Attributes that hold personal data or that the warehouse never reads. */
    private static final List<String> DROPPED_ATTRIBUTES = List.of("contact", "agence");

    /**
     * @param counts what the run record shows of this stage
     * @param dropped offers not kept, by reason (filter reasons, duplicate, without_id)
     * @param locations offers per lieu_cas and geocoding figures
     */
    public record Result(Path file, Map<String, Object> counts, Map<String, Long> dropped, LocationStats.Snapshot locations) {
    }

    private final MetropolitanFilter metropolitanFilter;
    private final LocationEnricher locationEnricher;

    public OfferBatch(MetropolitanFilter metropolitanFilter, LocationEnricher locationEnricher) {
        this.metropolitanFilter = metropolitanFilter;
        this.locationEnricher = locationEnricher;
    }

    public Result build(List<Path> rawFiles, LocalDate extractionDate, Path batchFile) throws IOException {
        long started = System.nanoTime();
        Set<String> seen = new HashSet<>();
        long[] read = {0};
        long[] duplicates = {0};
        long[] withoutId = {0};
        Map<String, Long> dropped = new TreeMap<>();
        locationEnricher.stats().reset();
        String date = extractionDate.toString();
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(batchFile)) {
            for (Path rawFile : rawFiles) {
                JsonArrayFiles.forEach(rawFile, offer -> {
                    read[0]++;
                    String id = offer.path("id").asText("").strip();
                    if (id.isEmpty()) {
                        withoutId[0]++;
                        LOG.warn("Skipped an offer without id in {}", rawFile.getFileName());
                        return;
                    }
                    if (!seen.add(id)) {
                        duplicates[0]++;
                        return;
                    }
                    Optional<MetropolitanFilter.DropReason> reason = metropolitanFilter.dropReason(offer);
                    if (reason.isPresent()) {
                        dropped.merge(reason.get().label(), 1L, Long::sum);
                        return;
                    }
                    locationEnricher.enrich(offer);
                    DROPPED_ATTRIBUTES.forEach(offer::remove);
                    offer.put("dateExtraction", date);
                    writer.write(offer);
                });
            }
            writer.commit();
            long kept = writer.count();
            long millis = (System.nanoTime() - started) / 1_000_000;
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("raw_files", rawFiles.size());
            counts.put("read", read[0]);
            counts.put("duplicates", duplicates[0]);
            counts.put("without_id", withoutId[0]);
            counts.put("dropped", dropped);
            counts.put("kept", kept);
            LocationStats.Snapshot locations = locationEnricher.stats().snapshot();
            counts.put("lieu_cas", locations.perCase());
            counts.put("geocoding_requests", locations.geocodingRequests());
            counts.put("geocoding_failures", locations.geocodingFailures());
            counts.put("swapped_coordinates", locations.swappedCoordinates());
            counts.put("seconds", millis / 1000.0);
            LOG.info("Process stage done: {} offers read from {} files, {} duplicates, {} without id, dropped {}, {} kept"
                    + " ({}) in {} ms", read[0], rawFiles.size(), duplicates[0], withoutId[0], dropped, kept,
                    locations, millis);
            Map<String, Long> allDropped = new TreeMap<>(dropped);
            allDropped.put("duplicate", duplicates[0]);
            allDropped.put("without_id", withoutId[0]);
            return new Result(batchFile, counts, allDropped, locations);
        }
    }

}
