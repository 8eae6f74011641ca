package live.harvest.testkit.platform;

import live.harvest.platform.ratelimit.Decision;
import live.harvest.platform.ratelimit.RateLimitConfig;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The limiter's answer rendered as draft-ietf-httpapi-ratelimit-headers fields and Retry-After. */
@UnitTest
class RateLimitHeadersTest {

    private static final RateLimitConfig.Policy TEN_PER_SECOND = new RateLimitConfig.Policy() {
        @Override
        public int limit() {
            return 10;
        }

        @Override
        public Duration window() {
            return Duration.ofSeconds(1);
        }
    };

    @Test
    void givenAnAllowedRequest_whenRendered_thenPolicyAndRemainingQuotaAreNamedByClass() {
        Decision decision = new Decision("buy", TEN_PER_SECOND, true, 7, 0, 300);
        assertEquals("\"buy\";q=10;w=1", decision.policyHeader());
        assertEquals("\"buy\";r=7;t=1", decision.rateLimitHeader());
    }

    @Test
    void givenARefusalDueIn1200Ms_whenRendered_thenRetryAfterRoundsUpToWholeSeconds() {
        Decision decision = new Decision("buy", TEN_PER_SECOND, false, 0, 1200, 2900);
        assertEquals("2", decision.retryAfterHeader());
        assertEquals("\"buy\";r=0;t=3", decision.rateLimitHeader());
    }

    @Test
    void givenARefusalDueInUnderAMillisecond_whenRendered_thenRetryAfterIsNeverZero() {
        assertEquals("1", new Decision("likes", TEN_PER_SECOND, false, 0, 0, 0).retryAfterHeader());
    }
}
