package io.ibmcos.emulator.storage;

import java.time.Instant;

/**
 * Retention state of an object in a protected bucket. {@code periodSeconds} is -1 (indefinite), -2 (permanent)
 * or ≥ 0; {@code expiration} is null for the two special values.
 */
public record Retention(Instant createTime, long periodSeconds, Instant expiration) {
    public static final long INDEFINITE = -1;
    public static final long PERMANENT = -2;

    /** True while the object may neither be deleted nor overwritten because of its retention period. */
    public boolean activeAt(Instant now) {
        return periodSeconds < 0 || (expiration != null && expiration.isAfter(now));
    }
}
