package io.conserver.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often to try a link or a storage, and how long to wait between tries: exponential from
 * {@code backoff}, doubled each time up to {@code maxBackoff}, with full jitter so that many workers
 * hitting the same outage do not retry in lock step.
 */
public record RetryPolicy(@Min(1) @Max(100) Integer maxAttempts, @NotNull Duration backoff, @NotNull Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1));

    public RetryPolicy {
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration delayAfter(int attempt) {
        long base = backoff.toMillis();
        long cap = Math.max(base, maxBackoff.toMillis());
        long exponential = base << Math.min(attempt - 1, 30);
        long ceiling = exponential <= 0 ? cap : Math.min(cap, exponential);
        // Half fixed, half random: never zero, still spread out.
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
