package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;

import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before trying a request again. 429 (too many requests), 408 and 5xx, timeouts,
 * connection errors and unreadable pages are worth another attempt; any other 4xx is an answer.
 */
public record RetryPolicy(int maxAttempts, long backoffMillis, long maxBackoffMillis) {

    /** A Retry-After longer than this is not a pause but an outage: wait this long at most. */
    static final long MAX_RETRY_AFTER_MILLIS = 300_000;

    public static RetryPolicy from(Settings settings) {
        return new RetryPolicy(settings.integer("jobmarket.ft.max-attempts"),
                settings.integer("jobmarket.ft.backoff-ms"),
                settings.integer("jobmarket.ft.max-backoff-ms"));
    }

    public static boolean isRetryable(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /**
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param retryAfter     the response's Retry-After header (seconds), null when absent
     * @param random         a value in [0, 1) for the jitter
     * @return milliseconds to wait: Retry-After when it is a number of seconds, else
     *         {@code backoff * 2^(failedAttempts-1)} capped at max-backoff, of which a random half is kept
     *         so that parallel workers do not come back together
     */
    public long delayMillis(int failedAttempts, String retryAfter, DoubleSupplier random) {
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                if (seconds >= 0) {
                    return Math.min(seconds * 1000, MAX_RETRY_AFTER_MILLIS);
                }
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: fall back to our own backoff
            }
        }
        long exponential = backoffMillis << Math.min(failedAttempts - 1, 30);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, maxBackoffMillis);
        return capped / 2 + (long) (capped / 2.0 * random.getAsDouble());
    }
}
