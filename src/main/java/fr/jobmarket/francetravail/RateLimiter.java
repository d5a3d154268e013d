package fr.jobmarket.francetravail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code limit} requests in any rolling window, shared by every worker (token requests included):
 * a log of the last send times; {@link #acquire()} blocks until the oldest one leaves the window.
 * Waiters are served in arrival order.
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

    /**
     * One second plus a margin: a request reaches the server a few milliseconds after it is allowed here,
     * and that jitter must not push two windows' worth into one second of the server's clock.
     */
    public static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1_050);

    private final int limit;
    private final long windowNanos;
    private final Ticker ticker;
    private final Deque<Long> sent = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock(true);

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
    }

    /** Blocks until one more request fits in the window, then records it as sent now; returns that time (ticker nanos). */
    public long acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = ticker.nanoTime();
                while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                    sent.removeFirst();
                }
                if (sent.size() < limit) {
                    sent.addLast(now);
                    return now;
                }
                // holding the lock while sleeping keeps arrival order: nobody may pass the head of the queue
                ticker.sleepNanos(sent.peekFirst() + windowNanos - now);
            }
        } finally {
            lock.unlock();
        }
    }

    public int limit() {
        return limit;
    }
}
