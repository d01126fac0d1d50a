package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void retryAfterReadsSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.parseRetryAfter("120", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.parseRetryAfter("0", NOW));
    }

    @Test
    void retryAfterReadsAnHttpDateAndAPastDateMeansNow() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryPolicy.parseRetryAfter("Mon, 23 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.parseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", NOW));
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("soon", NOW));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("-5", NOW));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(null, NOW));
    }

    @Test
    void onlyTimeoutsRateLimitsAndServerErrorsAreRetryable() {
        for (int code : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.isRetryableStatus(code), "" + code);
        }
        for (int code : new int[] {400, 401, 402, 403, 404, 409, 413, 422}) {
            assertFalse(RetryPolicy.isRetryableStatus(code), "" + code);
        }
    }

    @Test
    void backoffDoublesIsCappedAndJittersWithinHalfToAll() {
        RetryPolicy p = RetryPolicy.standard();
        RandomGenerator r = RandomGenerator.of("L64X128MixRandom");
        long[] caps = {500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int attempt = 1; attempt <= caps.length; attempt++) {
            for (int i = 0; i < 200; i++) {
                long ms = p.backoff(attempt, r).toMillis();
                assertTrue(ms >= caps[attempt - 1] / 2 && ms <= caps[attempt - 1], attempt + ": " + ms);
            }
        }
    }
}
