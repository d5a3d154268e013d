package fr.jobmarket.sandbox;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * France Travail's "N requests per second" as a sliding window: a request is accepted when fewer than
 * N requests were accepted in the second before it, whatever the window's alignment. A refused request
 * does not use up the quota. The clock is injected so tests need no sleeping.
 */
final class RateWindow {

    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    private final int limit;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Long> accepted = new ArrayDeque<>();

    RateWindow(int limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
    }

    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= ONE_SECOND_NANOS) {
            accepted.pollFirst();
        }
        if (accepted.size() >= limit) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    int limit() {
        return limit;
    }
}
