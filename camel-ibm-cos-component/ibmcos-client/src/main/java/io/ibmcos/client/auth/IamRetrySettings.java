package io.ibmcos.client.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How the token manager talks to IAM.
 *
 * @param maxAttempts           attempts per token fetch (1 = no retry); only I/O errors, 429 and 5xx are retried
 * @param baseDelay             base of the full-jitter exponential back-off
 * @param maxDelay              cap of a single back-off sleep
 * @param requestTimeout        timeout of one IAM request
 * @param refreshFailureBackoff after a failed proactive refresh (old token still valid), how long callers keep
 *                              using the old token before the next refresh attempt
 */
public record IamRetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration requestTimeout,
                               Duration refreshFailureBackoff) {

    /** 3 attempts, back-off base 200 ms capped at 5 s, 10 s per request, 5 s pause after a failed refresh. */
    public static final IamRetrySettings DEFAULT = new IamRetrySettings(3, Duration.ofMillis(200),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5));

    public IamRetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(refreshFailureBackoff, "refreshFailureBackoff");
        if (baseDelay.isNegative() || maxDelay.isNegative() || refreshFailureBackoff.isNegative()
                || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("IAM retry durations must not be negative (request timeout positive)");
        }
    }
}
