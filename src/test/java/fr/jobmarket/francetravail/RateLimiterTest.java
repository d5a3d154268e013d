package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Time that moves only when someone sleeps: the limiter's waits become exact and instant. */
    private static final class FakeTicker implements RateLimiter.Ticker {
        final AtomicLong now = new AtomicLong(1_000);

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            now.addAndGet(nanos);
        }
    }

    private static void assertNoSecondHoldsMoreThan(List<Long> sent, int limit) {
        List<Long> sorted = new ArrayList<>(sent);
        Collections.sort(sorted);
        for (int i = limit; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - limit)).as("request %d", i).isGreaterThanOrEqualTo(SECOND);
        }
    }

    @Test
    void letsTheFirstLimitRequestsThroughAtOnceThenWaitsForTheOldestToLeaveTheWindow() throws Exception {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(10, SECOND, ticker);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            sent.add(limiter.acquire());
        }

        assertThat(sent.subList(0, 10)).containsOnly(1_000L);
        assertThat(sent.get(10)).isEqualTo(1_000L + SECOND);
        assertNoSecondHoldsMoreThan(sent, 10);
        // and no slower than the limit: 35 requests in 3 seconds
        assertThat(sent.get(34) - sent.get(0)).isEqualTo(3 * SECOND);
    }

    @Test
    void holdsTheLimitAcrossParallelWorkers() throws Exception {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(7, SECOND, ticker);
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            done.add(workers.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    sent.add(limiter.acquire());
                    // a request takes a little time, moving the clock unevenly
                    ticker.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(3));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        workers.shutdown();

        assertThat(sent).hasSize(120);
        assertNoSecondHoldsMoreThan(sent, 7);
    }

    @Test
    void keepsAMarginAboveOneSecondForNetworkJitter() {
        assertThat(RateLimiter.WINDOW_NANOS).isGreaterThan(SECOND);
        assertThat(new RateLimiter(10).limit()).isEqualTo(10);
    }
}
