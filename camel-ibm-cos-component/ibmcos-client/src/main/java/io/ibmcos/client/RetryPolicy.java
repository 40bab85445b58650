package io.ibmcos.client;

import java.time.Duration;

/**
 * Full-jitter exponential backoff: attempt n waits a random time in [0, min(cap, base × 2^(n-1))]. Throttling
 * answers (429, 503 SlowDown) use the larger {@code throttledBaseDelay}. {@code maxAttempts} counts the first try;
 * {@code budget} bounds the total time spent retrying one request.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration throttledBaseDelay, Duration maxDelay,
        Duration budget) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(20), Duration.ofSeconds(60));

    /** No retries at all (tests, and callers that retry themselves). */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, but was " + maxAttempts);
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, throttledBaseDelay, maxDelay, budget);
    }

    /** Upper bound of the random delay before retry number {@code retry} (1-based). */
    public long delayCapMillis(int retry, boolean throttled) {
        long base = (throttled ? throttledBaseDelay : baseDelay).toMillis();
        long exp = base << Math.min(retry - 1, 20);
        return Math.min(maxDelay.toMillis(), Math.max(0, exp));
    }
}
