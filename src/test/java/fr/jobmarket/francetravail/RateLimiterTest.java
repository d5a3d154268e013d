package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

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
            sent.add(answeredAtOnce(limiter));
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
                    RateLimiter.Permit permit = limiter.acquire();
                    sent.add(permit.sentAt());
                    // a request takes a little time, moving the clock unevenly
                    ticker.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(3));
                    permit.answered();
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
    void aSlowRequestKeepsItsPlaceUntilOneSecondAfterItsAnswer() throws Exception {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(2, SECOND, ticker);
        RateLimiter.Permit slow = limiter.acquire();
        RateLimiter.Permit quick = limiter.acquire();
        ticker.now.addAndGet(10 * MILLI);
        quick.answered();
        // the server may have counted the slow request as late as just before its answer, 0.45 s after it was sent
        ticker.now.addAndGet(440 * MILLI);
        slow.answered();

        long third = answeredAtOnce(limiter);
        long fourth = answeredAtOnce(limiter);

        assertThat(third - slow.sentAt()).isEqualTo(1_010 * MILLI);
        // a window counted from the send time would have let it go at 1.0 s, 0.55 s after the server saw the slow one
        assertThat(fourth - slow.sentAt()).isEqualTo(1_450 * MILLI);
    }

    @Test
    void waitsForAnAnswerWhenEveryPlaceIsInFlight() throws Exception {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(1, SECOND, ticker);
        RateLimiter.Permit inFlight = limiter.acquire();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        AtomicReference<Thread> waiting = new AtomicReference<>();
        Future<Long> next = worker.submit(() -> {
            waiting.set(Thread.currentThread());
            return answeredAtOnce(limiter);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.get() != null
                && waiting.get().getState() == Thread.State.WAITING);
        assertThat(next).isNotDone();

        ticker.now.addAndGet(200 * MILLI);
        inFlight.answered();
        inFlight.answered(); // a second call changes nothing

        assertThat(next.get(10, TimeUnit.SECONDS) - inFlight.sentAt()).isEqualTo(1_200 * MILLI);
        worker.shutdown();
    }

    @Test
    void theWindowIsOneSecondFromTheAnswerWithoutFixedMargin() {
        assertThat(RateLimiter.WINDOW_NANOS).isEqualTo(SECOND);
        assertThat(new RateLimiter(10).limit()).isEqualTo(10);
    }

    /** A request answered as soon as it is allowed: its send time. */
    private static long answeredAtOnce(RateLimiter limiter) throws InterruptedException {
        RateLimiter.Permit permit = limiter.acquire();
        permit.answered();
        return permit.sentAt();
    }
}
