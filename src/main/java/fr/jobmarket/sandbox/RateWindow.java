package fr.jobmarket.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * France Travail's "N requests per second" as a sliding window: a request is accepted when fewer than
 * N requests were accepted in the second before it, whatever the window's alignment. A refused request
 * does not use up the quota. The clock is injected so tests need no sleeping.
 *
 * <p>The accepted requests' times are kept in a ring of the last {@value #CAPACITY} (800 kB, about a hundred
 * harvests of 30,000 offers): the limit reads its last N entries, and {@link #stats()} measures
 * what the server saw since the last {@link #resetStats()} for benchmarks. Resetting the statistics
 * does not reset the limit.
 */
final class RateWindow {

    static final long ONE_SECOND_NANOS = 1_000_000_000L;
    static final int CAPACITY = 100_000;

    /** What the server accepted and refused since the last reset; {@code first}/{@code last} are null before any request. */
    record Stats(long requests, long refused, int busiestWindow, int limit, Instant first, Instant last) {
    }

    private final int limit;
    private final LongSupplier nanoClock;
    private final Instant originInstant;
    private final long originNanos;
    private final long[] accepted;
    /** Accepted requests ever: the next one goes to {@code accepted[count % accepted.length]}. */
    private long count;
    /** {@link #count} at the last statistics reset. */
    private long statsFrom;
    private long refused;
    /** Time of the first request accepted since the last reset (the ring may have dropped it since). */
    private long firstSinceReset;

    RateWindow(int limit, LongSupplier nanoClock, Clock wallClock, int capacity) {
        if (limit < 1 || limit > capacity) {
            throw new IllegalArgumentException("sandbox rate limit must be between 1 and " + capacity + ", got " + limit);
        }
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.accepted = new long[capacity];
        // request times are monotonic nanos; instants are derived from one reading of the wall clock
        this.originNanos = nanoClock.getAsLong();
        this.originInstant = wallClock.instant();
    }

    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        // the limit-th latest acceptance must be a whole second old (a window is [t, t + 1 s))
        if (count >= limit && now - at(count - limit) < ONE_SECOND_NANOS) {
            refused++;
            return false;
        }
        if (count == statsFrom) {
            firstSinceReset = now;
        }
        accepted[(int) (count % accepted.length)] = now;
        count++;
        return true;
    }

    int limit() {
        return limit;
    }

    synchronized Stats stats() {
        long requests = count - statsFrom;
        if (requests == 0) {
            return new Stats(0, refused, 0, limit, null, null);
        }
        long oldestKept = Math.max(statsFrom, count - accepted.length);
        return new Stats(requests, refused, busiestWindow(oldestKept, count), limit,
                instant(firstSinceReset), instant(at(count - 1)));
    }

    /** Starts a new measurement (a benchmark run); the rate limit keeps counting the requests it already saw. */
    synchronized void resetStats() {
        statsFrom = count;
        refused = 0;
    }

    /**
     * The largest number of accepted requests {@code [from, to)} in any rolling one-second window, wherever it
     * starts: two requests 0.2 s apart count together even when a clock second ticks between them. The times
     * are in acceptance order, so one pass with a trailing index finds it.
     */
    private int busiestWindow(long from, long to) {
        int busiest = 0;
        long first = from;
        for (long i = from; i < to; i++) {
            long time = at(i);
            while (time - at(first) >= ONE_SECOND_NANOS) {
                first++;
            }
            busiest = (int) Math.max(busiest, i - first + 1);
        }
        return busiest;
    }

    private long at(long sequence) {
        return accepted[(int) (sequence % accepted.length)];
    }

    private Instant instant(long nanos) {
        return originInstant.plusNanos(nanos - originNanos);
    }
}
