package io.ibmcos.client.model;

/**
 * IBM Immutable Object Storage bucket policy ({@code ?protection}). Days are 0–365243 with
 * minimum ≤ default ≤ maximum; {@code enablePermanentRetention} is irreversible once set and must be repeated on
 * every later change. A bucket without a policy reports status {@link Status#DISABLED} and null days.
 */
public record ProtectionConfiguration(Status status, Integer minimumRetentionDays, Integer defaultRetentionDays,
        Integer maximumRetentionDays, boolean enablePermanentRetention) {

    /** Largest retention COS documents (1000 years). */
    public static final int MAX_DAYS = 365_243;

    public enum Status {
        RETENTION("Retention"),
        DISABLED("Disabled");

        private final String wireValue;

        Status(String wireValue) {
            this.wireValue = wireValue;
        }

        public String wireValue() {
            return wireValue;
        }

        public static Status fromWire(String value) {
            return value != null && value.trim().equalsIgnoreCase("Retention") ? RETENTION : DISABLED;
        }
    }

    /** A retention policy, validated before it is sent. */
    public static ProtectionConfiguration retention(int minimumDays, int defaultDays, int maximumDays,
            boolean enablePermanentRetention) {
        checkDays("minimum", minimumDays);
        checkDays("default", defaultDays);
        checkDays("maximum", maximumDays);
        if (minimumDays > defaultDays || defaultDays > maximumDays) {
            throw new IllegalArgumentException("Retention days must satisfy minimum <= default <= maximum, but were "
                    + minimumDays + " <= " + defaultDays + " <= " + maximumDays);
        }
        return new ProtectionConfiguration(Status.RETENTION, minimumDays, defaultDays, maximumDays,
                enablePermanentRetention);
    }

    private static void checkDays(String which, int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("The " + which + " retention must be between 0 and " + MAX_DAYS
                    + " days, but was " + days);
        }
    }

    public boolean enabled() {
        return status == Status.RETENTION;
    }
}
