package fr.jobmarket.geo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of one run of the location enrichment, shared by concurrent callers; read with {@link #snapshot()}
 * and cleared with {@link #reset()} (or both at once with {@link #snapshotAndReset()}) at each run.
 */
public final class LocationStats {

    public static final String[] CASES = {"cas_1", "cas_2", "cas_3", "cas_4", "cas_5"};

    private final Map<String, AtomicLong> perCase = new LinkedHashMap<>();
    private final AtomicLong geocodingRequests = new AtomicLong();
    private final AtomicLong geocodingFailures = new AtomicLong();
    private final AtomicLong swappedCoordinates = new AtomicLong();
    private final AtomicLong unknownCommunes = new AtomicLong();
    private final AtomicLong unknownPostalCodes = new AtomicLong();

    public LocationStats() {
        for (String cas : CASES) {
            perCase.put(cas, new AtomicLong());
        }
    }

    /**
     * @param perCase offers per lieu_cas, cas_1 to cas_5 in order
     * @param geocodingRequests reverse lookups asked of the geocoder
     * @param geocodingFailures lookups that gave no place (geocoder down, timeout, no answer)
     * @param swappedCoordinates offers whose latitude and longitude were swapped back
     * @param unknownCommunes cas_1 offers whose INSEE code is not in the reference
     * @param unknownPostalCodes cas_2 postal codes not in the reference (department taken from the prefix)
     */
    public record Snapshot(Map<String, Long> perCase, long geocodingRequests, long geocodingFailures,
                           long swappedCoordinates, long unknownCommunes, long unknownPostalCodes) {
        public long total() {
            return perCase.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    void placed(String cas) {
        perCase.get(cas).incrementAndGet();
    }

    void geocodingRequested() {
        geocodingRequests.incrementAndGet();
    }

    void geocodingFailed() {
        geocodingFailures.incrementAndGet();
    }

    void swapped() {
        swappedCoordinates.incrementAndGet();
    }

    void unknownCommune() {
        unknownCommunes.incrementAndGet();
    }

    void unknownPostalCode() {
        unknownPostalCodes.incrementAndGet();
    }

    public Snapshot snapshot() {
        return read(false);
    }

    public void reset() {
        read(true);
    }

    /** The counts so far, then zero, counter by counter without losing a count made meanwhile. */
    public Snapshot snapshotAndReset() {
        return read(true);
    }

    private Snapshot read(boolean reset) {
        Map<String, Long> counts = new LinkedHashMap<>();
        perCase.forEach((cas, count) -> counts.put(cas, value(count, reset)));
        return new Snapshot(Collections.unmodifiableMap(counts), value(geocodingRequests, reset),
                value(geocodingFailures, reset), value(swappedCoordinates, reset), value(unknownCommunes, reset),
                value(unknownPostalCodes, reset));
    }

    private static long value(AtomicLong count, boolean reset) {
        return reset ? count.getAndSet(0) : count.get();
    }

    @Override
    public String toString() {
        Snapshot s = snapshot();
        return s.perCase() + ", geocoding requests " + s.geocodingRequests() + ", geocoding failures "
                + s.geocodingFailures() + ", swapped coordinates " + s.swappedCoordinates() + ", unknown communes "
                + s.unknownCommunes() + ", unknown postal codes " + s.unknownPostalCodes();
    }
}
