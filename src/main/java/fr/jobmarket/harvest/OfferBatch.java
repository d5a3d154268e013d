package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.geo.Coordinates;
import fr.jobmarket.geo.LocationEnricher;
import fr.jobmarket.geo.LocationStats;
import fr.jobmarket.geo.MetropolitanFilter;
import fr.jobmarket.geo.ReverseGeocoding;
import fr.jobmarket.history.JsonArrayFiles;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The steps of the {@code process} route (process.camel.yaml), which builds this run's batch from the raw files
 * of the harvest one offer at a time: dedupe by offer id (the first copy in appellation order is kept: copies
 * returned for several appellations carry the same content, and a fixed order makes the result reproducible),
 * keep metropolitan France, resolve the location, stamp the extraction date, drop the personal data (contacts,
 * agencies) that the product never keeps, and write the batch file.
 *
 * <p>The state of one run ({@link Batch}: the file being written and the counts) travels with the exchange as
 * the {@value #BATCH} property; the ids seen so far sit in the route's idempotent repository, emptied by
 * {@link #open}.
 */
public final class OfferBatch {

    private static final Logger LOG = LoggerFactory.getLogger(OfferBatch.class);
    /** Attributes that hold personal data or that the warehouse never reads. */
    private static final List<String> DROPPED_ATTRIBUTES = List.of("contact", "agence");
    /** Exchange property holding the {@link Batch} in progress. */
    public static final String BATCH = "batch";
    /** How long the end of the stage waits for the last groups to be written: seconds in practice. */
    private static final Duration WRITE_WAIT = Duration.ofMinutes(5);

    /**
     * @param counts what the run record shows of this stage
     * @param dropped offers not kept, by reason (filter reasons, duplicate, without_id)
     * @param locations offers per lieu_cas and geocoding figures
     */
    public record Result(Path file, Map<String, Object> counts, Map<String, Long> dropped, LocationStats.Snapshot locations) {
    }

    /** One run's batch in progress: the file being written and the counts of each step. */
    public static final class Batch {
        private final List<Path> rawFiles;
        private final JsonArrayFiles.AtomicWriter writer;
        private final long started = System.nanoTime();
        private final Map<String, Long> dropped = new ConcurrentHashMap<>();
        private volatile long read;
        private volatile long withoutId;
        private volatile long distinct;
        private long sent; // offers handed to the aggregator; guarded by this
        private long written; // offers written by the aggregator's output; guarded by this
        private IOException writeFailure; // guarded by this

        /** Waits until the aggregator's output has written every offer sent to it (it runs on its own thread). */
        private synchronized void awaitWrites() throws IOException {
            long deadline = System.nanoTime() + WRITE_WAIT.toNanos();
            try {
                while (written < sent && writeFailure == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IOException("the batch writer wrote " + written + " of " + sent + " offers in "
                                + WRITE_WAIT.toSeconds() + " s");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the batch file was written", e);
            }
            if (writeFailure != null) {
                throw new IOException("cannot write the batch file: " + writeFailure.getMessage(), writeFailure);
            }
        }

        private Batch(List<Path> rawFiles, Path file) throws IOException {
            this.rawFiles = List.copyOf(rawFiles);
            this.writer = new JsonArrayFiles.AtomicWriter(file);
        }
    }

    private final MetropolitanFilter metropolitanFilter;
    private final LocationEnricher locationEnricher;
    private final ReverseGeocoding reverseGeocoding;
    private final MemoryIdempotentRepository offerIds;

    /** @param offerIds the repository of the route's idempotent consumer, emptied at each run */
    public OfferBatch(MetropolitanFilter metropolitanFilter, LocationEnricher locationEnricher,
                      ReverseGeocoding reverseGeocoding, MemoryIdempotentRepository offerIds) {
        this.metropolitanFilter = metropolitanFilter;
        this.locationEnricher = locationEnricher;
        this.reverseGeocoding = reverseGeocoding;
        this.offerIds = offerIds;
    }

    /** Starts a run's batch: an empty batch file under its temporary name, counts at zero, no offer id seen. */
    public Batch open(@Body List<Path> rawFiles, @ExchangeProperty("batchFile") Path batchFile) throws IOException {
        offerIds.clear();
        locationEnricher.stats().reset();
        reverseGeocoding.newRun();
        return new Batch(rawFiles, batchFile);
    }

    /**
     * The points the run's offers will need reverse geocoded and the cache does not hold yet, for one batch request
     * before the split: read in one pass over the raw files that parses only {@code lieuTravail}, with the rules of
     * the split's steps (the metropolitan filter, {@link LocationEnricher#pointToGeocode}). The files are read in
     * parallel (the process stage has the machine to itself): this pass is on every run's critical path.
     */
    public List<Coordinates> pointsToGeocode(@ExchangeProperty(BATCH) Batch batch) {
        Set<Coordinates> points = new LinkedHashSet<>();
        batch.rawFiles.parallelStream().map(this::pointsToGeocodeIn).forEachOrdered(points::addAll);
        return reverseGeocoding.notCached(points);
    }

    private Set<Coordinates> pointsToGeocodeIn(Path rawFile) {
        Set<Coordinates> points = new LinkedHashSet<>();
        try {
            JsonArrayFiles.forEachValue(rawFile, "lieuTravail", lieuTravail -> {
                ObjectNode offer = JsonArrayFiles.MAPPER.createObjectNode();
                offer.set("lieuTravail", lieuTravail);
                Coordinates point = locationEnricher.pointToGeocode(offer);
                if (point != null && metropolitanFilter.keeps(offer)) {
                    points.add(point);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }

    /** The raw offers of every file in order, read one at a time (the split streams them). */
    public Iterator<ObjectNode> offers(@ExchangeProperty(BATCH) Batch batch) {
        return new RawOffers(batch);
    }

    /** Filter: an offer without an id cannot be merged or loaded; it is counted and skipped. */
    public boolean hasId(ObjectNode offer, Batch batch) {
        if (offerId(offer).isEmpty()) {
            batch.withoutId++;
            LOG.warn("Skipped an offer without id: {}", abbreviated(offer));
            return false;
        }
        return true;
    }

    /** The key of the dedupe. */
    public String offerId(ObjectNode offer) {
        return offer.path("id").asText("").strip();
    }

    /** Filter: metropolitan France only; every other offer is counted by {@link MetropolitanFilter.DropReason}. */
    public boolean isMetropolitan(ObjectNode offer, Batch batch) {
        batch.distinct++;
        Optional<MetropolitanFilter.DropReason> reason = metropolitanFilter.dropReason(offer);
        reason.ifPresent(drop -> batch.dropped.merge(drop.label(), 1L, Long::sum));
        return reason.isEmpty();
    }

    /** The dates step: the run's extraction date; personal data removed. */
    public void stamp(ObjectNode offer, LocalDate extractionDate, Batch batch) {
        DROPPED_ATTRIBUTES.forEach(offer::remove);
        offer.put("dateExtraction", extractionDate.toString());
        synchronized (batch) {
            batch.sent++;
        }
    }

    /**
     * Appends a group of offers from the route's aggregator, whose output runs on its own single thread (groups
     * in order) while the split reads on. A failure is kept for {@link #close}: throwing here would not reach the
     * split, while {@link #close} fails the run.
     */
    public void write(@Body List<ObjectNode> offers, @ExchangeProperty(BATCH) Batch batch) {
        synchronized (batch) {
            try {
                if (batch.writeFailure == null) {
                    for (ObjectNode offer : offers) {
                        batch.writer.write(offer);
                    }
                }
            } catch (IOException e) {
                batch.writeFailure = e;
            } finally {
                batch.written += offers.size();
                batch.notifyAll();
            }
        }
    }

    /** Makes the batch file visible, logs the stage line and returns its counts. */
    public Result close(@ExchangeProperty(BATCH) Batch batch) throws IOException {
        try (JsonArrayFiles.AtomicWriter writer = batch.writer) {
            batch.awaitWrites();
            Path file = writer.commit();
            long kept = writer.count();
            long duplicates = batch.read - batch.withoutId - batch.distinct;
            long millis = (System.nanoTime() - batch.started) / 1_000_000;
            Map<String, Long> dropped = new TreeMap<>(batch.dropped);
            LocationStats.Snapshot locations = locationEnricher.stats().snapshot();
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("raw_files", batch.rawFiles.size());
            counts.put("read", batch.read);
            counts.put("duplicates", duplicates);
            counts.put("without_id", batch.withoutId);
            counts.put("dropped", dropped);
            counts.put("kept", kept);
            counts.put("lieu_cas", locations.perCase());
            counts.put("geocoding_requests", locations.geocodingRequests());
            counts.put("geocoding_failures", locations.geocodingFailures());
            counts.put("swapped_coordinates", locations.swappedCoordinates());
            Map<String, Long> geocoder = reverseGeocoding.runCounts();
            counts.putAll(geocoder);
            counts.put("seconds", millis / 1000.0);
            LOG.info("Process stage done: {} offers read from {} files, {} duplicates, {} without id, dropped {}, {} kept"
                    + " ({}; {}) in {} ms", batch.read, batch.rawFiles.size(), duplicates, batch.withoutId, dropped, kept,
                    locations, geocoder, millis);
            Map<String, Long> allDropped = new TreeMap<>(dropped);
            allDropped.put("duplicate", duplicates);
            allDropped.put("without_id", batch.withoutId);
            return new Result(file, counts, allDropped, locations);
        }
    }

    /** Abandons a batch whose route failed: its temporary file is removed, the previous batch file stays. */
    public void abandon(@ExchangeProperty(BATCH) Batch batch) throws IOException {
        if (batch != null) {
            try {
                batch.awaitWrites();
            } catch (IOException e) {
                // the run already failed for its own reason; this one changes nothing
            } finally {
                batch.writer.close();
            }
        }
    }

    private static String abbreviated(ObjectNode offer) {
        String text = offer.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** The offers of the raw files in order, one file open at a time; counts what it reads. */
    private static final class RawOffers implements Iterator<ObjectNode>, Closeable {
        private final Batch batch;
        private final Iterator<Path> files;
        private JsonArrayFiles.ObjectIterator current;

        RawOffers(Batch batch) {
            this.batch = batch;
            this.files = batch.rawFiles.iterator();
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (!files.hasNext()) {
                    return false;
                }
                try {
                    current = new JsonArrayFiles.ObjectIterator(files.next());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return true;
        }

        @Override
        public ObjectNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more raw offers");
            }
            batch.read++;
            return current.next();
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
            }
        }
    }
}
