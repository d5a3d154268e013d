package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, 500, 30_000);

    @Test
    void honoursRetryAfterInSeconds() {
        assertThat(policy.delayMillis(1, "3", () -> 0.9)).isEqualTo(3_000);
        assertThat(policy.delayMillis(1, "0", () -> 0.9)).isZero();
    }

    @Test
    void doublesTheBackoffWithJitterWithoutRetryAfter() {
        assertThat(policy.delayMillis(1, null, () -> 0.0)).isEqualTo(250);
        assertThat(policy.delayMillis(1, null, () -> 0.999999)).isBetween(499L, 500L);
        assertThat(policy.delayMillis(3, null, () -> 0.0)).isEqualTo(1_000);
        assertThat(policy.delayMillis(3, "Wed, 21 Oct 2015 07:28:00 GMT", () -> 0.0)).isEqualTo(1_000);
    }

    @Test
    void capsTheBackoffAndAnUnreasonableRetryAfter() {
        assertThat(policy.delayMillis(40, null, () -> 0.999999)).isBetween(29_999L, 30_000L);
        assertThat(policy.delayMillis(1, "86400", () -> 0.0)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER_MILLIS);
    }

    @Test
    void retriesTooManyRequestsAndServerErrorsButNotOtherClientErrors() {
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(500)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(400)).isFalse();
        assertThat(RetryPolicy.isRetryable(404)).isFalse();
    }
}
