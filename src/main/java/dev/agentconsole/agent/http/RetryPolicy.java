package dev.agentconsole.agent.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a request again. 408, 429 and 5xx answers and requests that never reached the
 * server whole are retried with exponential backoff and jitter, honouring {@code Retry-After};
 * nothing else is (400/401/402/403/404/422 would only fail again). A fully written request that
 * must not run twice is never retried: that is {@link HttpCaller}'s UNCERTAIN.
 *
 * @param maxAttempts   total attempts, the first included
 * @param maxRetryAfter a server asking for a longer wait than this is not waited for: the error
 *                      goes to the operator with the delay in it
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    public static RetryPolicy never() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    public static boolean isRetryableStatus(int code) {
        return code == 408 || code == 429 || (code >= 500 && code <= 599);
    }

    /** Delay before attempt {@code attempt + 1}: base·2^(attempt-1), capped, then jittered to 50–100 %. */
    public Duration backoff(int attempt, RandomGenerator random) {
        long base = baseDelay.toMillis();
        long exp = base << Math.min(attempt - 1, 20);
        long capped = Math.min(exp, maxDelay.toMillis());
        long jittered = capped / 2 + (capped <= 1 ? 0 : random.nextLong(capped / 2 + 1));
        return Duration.ofMillis(jittered);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; a date in the past means now. */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
