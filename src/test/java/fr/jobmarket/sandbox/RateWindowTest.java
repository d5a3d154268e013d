package fr.jobmarket.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateWindowTest {

    private static final long SECOND = RateWindow.ONE_SECOND_NANOS;
    private static final long MILLI = SECOND / 1000;
    private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicLong clock = new AtomicLong(7 * SECOND);

    private RateWindow window(int limit, int capacity) {
        return new RateWindow(limit, clock::get, Clock.fixed(ORIGIN, ZoneOffset.UTC), capacity);
    }

    private void at(long millisAfterOrigin) {
        clock.set(7 * SECOND + millisAfterOrigin * MILLI);
    }

    @Test
    void theBusiestWindowSlidesAcrossClockSecondsInsteadOfCountingFixedBuckets() {
        RateWindow window = window(10, 1000);
        at(900);
        for (int i = 0; i < 5; i++) {
            assertThat(window.tryAcquire()).isTrue();
        }
        at(1100);
        for (int i = 0; i < 5; i++) {
            assertThat(window.tryAcquire()).isTrue();
        }
        // fixed one-second buckets would see 5 and 5; the server's rolling second [0.9 s, 1.9 s) holds 10
        assertThat(window.stats().busiestWindow()).isEqualTo(10);

        at(2100);
        for (int i = 0; i < 8; i++) {
            assertThat(window.tryAcquire()).isTrue();
        }
        // [1.1 s, 2.1 s) excludes 2.1 s itself: the busiest second is still the first one
        assertThat(window.stats().busiestWindow()).isEqualTo(10);
    }

    @Test
    void requestsExactlyOneSecondApartAreInDifferentWindows() {
        RateWindow window = window(10, 1000);
        at(0);
        window.tryAcquire();
        at(999);
        window.tryAcquire();
        at(1000);
        window.tryAcquire();
        at(1999);
        window.tryAcquire();

        assertThat(window.stats().busiestWindow()).isEqualTo(2);
    }

    @Test
    void statsCountAcceptedAndRefusedRequestsWithTheirFirstAndLastInstants() {
        RateWindow window = window(3, 1000);
        at(250);
        for (int i = 0; i < 3; i++) {
            assertThat(window.tryAcquire()).isTrue();
        }
        at(500);
        assertThat(window.tryAcquire()).isFalse();

        RateWindow.Stats stats = window.stats();
        assertThat(stats.requests()).isEqualTo(3);
        assertThat(stats.refused()).isEqualTo(1);
        assertThat(stats.busiestWindow()).isEqualTo(3);
        assertThat(stats.limit()).isEqualTo(3);
        assertThat(stats.first()).isEqualTo(Instant.parse("2025-01-01T00:00:00.250Z"));
        assertThat(stats.last()).isEqualTo(Instant.parse("2025-01-01T00:00:00.250Z"));
    }

    @Test
    void resetStartsANewMeasurementButTheLimitRemembersTheRequestsBeforeIt() {
        RateWindow window = window(3, 1000);
        at(0);
        for (int i = 0; i < 4; i++) {
            window.tryAcquire();
        }
        window.resetStats();

        RateWindow.Stats empty = window.stats();
        assertThat(empty.requests()).isZero();
        assertThat(empty.refused()).isZero();
        assertThat(empty.busiestWindow()).isZero();
        assertThat(empty.first()).isNull();
        assertThat(empty.last()).isNull();

        at(600);
        assertThat(window.tryAcquire()).as("three requests 0.6 s ago still count against the limit").isFalse();
        at(1000);
        assertThat(window.tryAcquire()).isTrue();
        at(1400);
        assertThat(window.tryAcquire()).isTrue();

        RateWindow.Stats stats = window.stats();
        assertThat(stats.requests()).isEqualTo(2);
        assertThat(stats.refused()).isEqualTo(1);
        assertThat(stats.busiestWindow()).isEqualTo(2);
        assertThat(stats.first()).isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
        assertThat(stats.last()).isEqualTo(Instant.parse("2025-01-01T00:00:01.400Z"));
    }

    @Test
    void keepsCountingAndLimitingBeyondTheRingCapacity() {
        RateWindow window = window(2, 8);
        for (int second = 0; second < 10; second++) {
            at(second * 1000L);
            assertThat(window.tryAcquire()).isTrue();
            at(second * 1000L + 10);
            assertThat(window.tryAcquire()).isTrue();
            assertThat(window.tryAcquire()).isFalse();
        }
        at(9500);
        assertThat(window.tryAcquire()).isFalse();

        RateWindow.Stats stats = window.stats();
        assertThat(stats.requests()).isEqualTo(20);
        assertThat(stats.refused()).isEqualTo(11);
        assertThat(stats.busiestWindow()).isEqualTo(2);
        assertThat(stats.first()).isEqualTo(ORIGIN);
        assertThat(stats.last()).isEqualTo(Instant.parse("2025-01-01T00:00:09.010Z"));
    }
}
