package fr.jobmarket.francetravail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The OAuth2 access token shared by all workers: reused until shortly before it expires, dropped when the API
 * answers 401 so that the next request fetches a new one. The token route fetches it (one worker at a time, see
 * {@link FranceTravailRequests#lockToken}).
 */
final class AccessTokenCache {

    /** A token and how long the token endpoint said it lives. Never printed. */
    record Token(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "Token[hidden, lifetime " + lifetime + "]";
        }
    }

    /** Renew this long before expiry (or at half-life for short-lived tokens) so no request carries a token about to die. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final Clock clock;
    private String value;
    private Instant renewAt = Instant.MIN;

    AccessTokenCache(Clock clock) {
        this.clock = clock;
    }

    /** The cached token, or null when there is none or it is about to expire. */
    synchronized String valid() {
        return value != null && clock.instant().isBefore(renewAt) ? value : null;
    }

    /** Keeps {@code token} until shortly before it expires. */
    synchronized void store(Token token) {
        Duration margin = token.lifetime().dividedBy(2).compareTo(RENEW_BEFORE) < 0
                ? token.lifetime().dividedBy(2) : RENEW_BEFORE;
        value = token.value();
        renewAt = clock.instant().plus(token.lifetime()).minus(margin);
    }

    /** Forgets {@code rejected} (answered 401) unless another worker already replaced it. */
    synchronized void discard(String rejected) {
        if (rejected != null && rejected.equals(value)) {
            value = null;
        }
    }
}
