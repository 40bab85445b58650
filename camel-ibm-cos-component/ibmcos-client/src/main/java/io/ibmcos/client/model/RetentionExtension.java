package io.ibmcos.client.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One of the four ways to extend an object's retention ({@code POST ?extendRetention}); COS takes exactly one.
 * Retention can only be extended, never shortened.
 */
public sealed interface RetentionExtension {

    /** {@code Additional-Retention-Period}: add seconds to the current period. */
    record AdditionalPeriod(long seconds) implements RetentionExtension {
        public AdditionalPeriod {
            requirePositive("additional retention period", seconds);
        }
    }

    /** {@code Extend-Retention-From-Current-Time}: retain until now plus seconds. */
    record FromCurrentTime(long seconds) implements RetentionExtension {
        public FromCurrentTime {
            requirePositive("retention extension from current time", seconds);
        }
    }

    /** {@code New-Retention-Period}: replace the period (counted from the object's creation). */
    record NewPeriod(long seconds) implements RetentionExtension {
        public NewPeriod {
            if (seconds < -1) {
                throw new IllegalArgumentException("New retention period must be >= 0 seconds or -1, but was " + seconds);
            }
        }
    }

    /** {@code New-Retention-Expiration-Date}: retain until that date. */
    record NewExpirationDate(Instant date) implements RetentionExtension {
        public NewExpirationDate {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * Builds the extension from optional values, exactly one of which must be set; the message names the four
     * choices so the caller can fix the input before any request is sent.
     */
    static RetentionExtension exactlyOne(Long additionalPeriod, Long fromCurrentTime, Long newPeriod,
            Instant newExpirationDate) {
        int given = (additionalPeriod != null ? 1 : 0) + (fromCurrentTime != null ? 1 : 0) + (newPeriod != null ? 1 : 0)
                + (newExpirationDate != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("Extending retention needs exactly one of: additional retention period, "
                    + "extend retention from current time, new retention period, new retention expiration date; "
                    + (given == 0 ? "none was given" : given + " were given"));
        }
        if (additionalPeriod != null) {
            return new AdditionalPeriod(additionalPeriod);
        }
        if (fromCurrentTime != null) {
            return new FromCurrentTime(fromCurrentTime);
        }
        if (newPeriod != null) {
            return new NewPeriod(newPeriod);
        }
        return new NewExpirationDate(newExpirationDate);
    }

    private static void requirePositive(String what, long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("The " + what + " must be > 0 seconds, but was " + seconds);
        }
    }
}
