package fr.jobmarket.francetravail;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code limit} requests in any rolling second as the server counts them, shared by every worker
 * (token requests included). Waiters are served in arrival order.
 *
 * <p>The server counts a request when it receives it, some time after we send it and before we read its
 * answer. How long after we send it is unknown: a cold JVM, a new connection, a busy server or the network
 * can delay one request by far more than the next one. So a request keeps its place in the window from the
 * moment it is sent until one second after its answer (or failure) came back: whatever the delays, the
 * server received it before that answer, and received the request that takes its place after it, so the
 * two are at least one second apart on the server's clock. A window counted from the send time, even with a
 * margin, lets a request delayed by more than the margin share a server second with {@code limit} others.
 *
 * <p>The cost is the round trip: each of the {@code limit} places is busy for one second plus a request's
 * latency, so the steady throughput is {@code limit / (1 s + latency)}: about 95% of the limit against the
 * sandbox (a page of 150 answered in about 50 ms; scripts/bench-harvest.sh), about 77% at 300 ms. For a
 * nightly harvest of a few hundred requests that is seconds, where a 429 costs a retry after
 * {@code Retry-After}. With the default 4 workers, most of them wait here for a place, so more concurrency
 * would not make the harvest faster.
 */
public final class RateLimiter {

    /** Time source and sleep, replaced by a fake in tests. */
    public interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }

    /** One request's place in the window: call {@link #answered()} when its answer or failure came back. */
    public final class Permit {
        private final int place;
        private final long sentAt;
        private boolean answered;

        private Permit(int place, long sentAt) {
            this.place = place;
            this.sentAt = sentAt;
        }

        /** When the request was allowed (ticker nanos). */
        public long sentAt() {
            return sentAt;
        }

        /** Frees the place one window after now; later calls do nothing. */
        public void answered() {
            synchronized (answers) {
                if (answered) {
                    return;
                }
                answered = true;
                freeAt[place] = ticker.nanoTime() + windowNanos;
                answers.notifyAll();
            }
        }
    }

    /** The window: one second, counted from each request's answer. */
    public static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** {@link #freeAt} of a place whose request has not been answered yet. */
    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final int limit;
    private final long windowNanos;
    private final Ticker ticker;
    /** When each of the {@code limit} places may be used again (ticker nanos), guarded by {@link #answers}. */
    private final long[] freeAt;
    private final Object answers = new Object();
    private final ReentrantLock queue = new ReentrantLock(true);

    /** {@code limit} requests per second, France Travail's rule (10 by default). */
    public RateLimiter(int limit) {
        this(limit, WINDOW_NANOS, Ticker.SYSTEM);
    }

    public RateLimiter(int limit, long windowNanos, Ticker ticker) {
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request per second, got " + limit);
        }
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.ticker = ticker;
        this.freeAt = new long[limit];
        Arrays.fill(freeAt, ticker.nanoTime());
    }

    /**
     * Blocks until a place is free: a request answered more than one window ago, or never used. The caller sends
     * the request, then calls {@link Permit#answered()} (in a finally block: a place never answered is never freed).
     */
    public Permit acquire() throws InterruptedException {
        queue.lockInterruptibly();
        try {
            // holding the queue lock while waiting keeps arrival order: nobody may pass the head of the queue
            while (true) {
                long wait;
                synchronized (answers) {
                    long now = ticker.nanoTime();
                    long earliest = IN_FLIGHT;
                    for (int place = 0; place < limit; place++) {
                        if (freeAt[place] != IN_FLIGHT && freeAt[place] - now <= 0) {
                            freeAt[place] = IN_FLIGHT;
                            return new Permit(place, now);
                        }
                        earliest = Math.min(earliest, freeAt[place]);
                    }
                    if (earliest == IN_FLIGHT) {
                        // every place waits for an answer: answered() wakes us
                        answers.wait();
                        continue;
                    }
                    wait = earliest - now;
                }
                ticker.sleepNanos(wait);
            }
        } finally {
            queue.unlock();
        }
    }

    public int limit() {
        return limit;
    }
}
