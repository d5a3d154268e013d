package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenCacheTest {

    private Instant now = Instant.parse("2025-07-21T18:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger fetched = new AtomicInteger();

    private AccessTokenCache.Token fetch() {
        return new AccessTokenCache.Token("token-" + fetched.incrementAndGet(), Duration.ofSeconds(1499));
    }

    @Test
    void reusesTheTokenUntilAMinuteBeforeItExpires() {
        AccessTokenCache cache = new AccessTokenCache(clock);
        assertThat(cache.valid()).isNull();

        cache.store(fetch());
        assertThat(cache.valid()).isEqualTo("token-1");
        now = now.plusSeconds(1499 - 61);
        assertThat(cache.valid()).isEqualTo("token-1");
        now = now.plusSeconds(1);
        assertThat(cache.valid()).isNull();
    }

    @Test
    void renewsAShortLivedTokenAtHalfLife() {
        AccessTokenCache cache = new AccessTokenCache(clock);
        cache.store(new AccessTokenCache.Token("short", Duration.ofSeconds(60)));

        now = now.plusSeconds(29);
        assertThat(cache.valid()).isEqualTo("short");
        now = now.plusSeconds(1);
        assertThat(cache.valid()).isNull();
    }

    @Test
    void forgetsARefusedTokenOnlyIfNobodyReplacedItAlready() {
        AccessTokenCache cache = new AccessTokenCache(clock);
        cache.store(fetch());
        String first = cache.valid();

        cache.discard(first);
        assertThat(cache.valid()).isNull();
        cache.store(fetch());
        cache.discard(first); // a late worker reporting the old token must not throw away the new one

        assertThat(cache.valid()).isEqualTo("token-2");
    }

    @Test
    void neverPrintsTheTokenValue() {
        assertThat(fetch().toString()).doesNotContain("token-");
    }
}
