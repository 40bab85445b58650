package io.ibmcos.client.model;

import java.time.Instant;

/**
 * IBM Immutable Object Storage settings for an object write (put, copy with REPLACE, complete multipart):
 * {@code Retention-Period} (seconds; -1 indefinite, -2 permanent), {@code Retention-Expiration-Date} and
 * {@code Retention-Legal-Hold-ID}. Period and expiration date exclude each other; with neither, COS applies the
 * bucket's default retention.
 */
public record RetentionOptions(Long periodSeconds, Instant expirationDate, String legalHoldId) {

    public static final RetentionOptions NONE = new RetentionOptions(null, null, null);

    public RetentionOptions {
        if (periodSeconds != null && expirationDate != null) {
            throw new IllegalArgumentException(
                    "Retention period and retention expiration date exclude each other: set only one of them");
        }
        if (periodSeconds != null && periodSeconds < -2) {
            throw new IllegalArgumentException("Retention period must be >= 0 seconds, or -1 (indefinite) or -2 "
                    + "(permanent), but was " + periodSeconds);
        }
        if (legalHoldId != null) {
            LegalHold.validateId(legalHoldId);
        }
    }

    public static RetentionOptions period(long seconds) {
        return new RetentionOptions(seconds, null, null);
    }

    public static RetentionOptions expiration(Instant date) {
        return new RetentionOptions(null, date, null);
    }

    public RetentionOptions withLegalHold(String id) {
        return new RetentionOptions(periodSeconds, expirationDate, id);
    }

    public boolean isEmpty() {
        return periodSeconds == null && expirationDate == null && legalHoldId == null;
    }
}
