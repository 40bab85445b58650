package io.ibmcos.emulator.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The date formats COS uses on the wire. */
public final class HttpDates {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** The HTTP "IMF-fixdate" form (two-digit day), a strict subset of RFC 1123 that every parser accepts. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** RFC 850 and asctime are obsolete but still legal in If-Modified-Since (RFC 9110). */
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** RFC 1123 ("Wed, 08 Feb 2017 17:50:00 GMT"), used for Last-Modified and the retention headers. */
    public static String rfc1123(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** ISO-8601 with milliseconds, used in XML bodies (LastModified, CreationDate, Initiated). */
    public static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    public static String amzDate(Instant instant) {
        return ISO_BASIC.format(instant);
    }

    public static Instant parseAmzDate(String value) {
        return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT))
                .toInstant(ZoneOffset.UTC);
    }

    /** Parses an HTTP date (RFC 1123, RFC 850 or asctime); null when it is not a valid date. */
    public static Instant parseHttpDate(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        for (DateTimeFormatter f : new DateTimeFormatter[] {RFC_1123, RFC_850, ASCTIME}) {
            try {
                return ZonedDateTime.parse(v, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    /**
     * Parses a retention date in any form the SDKs send: RFC 1123/822 (IBM Java SDK), ISO-8601 extended
     * ("2030-01-01T00:00:00Z", optionally with fraction/offset) or ISO-8601 basic ("20300101T000000Z").
     * Returns null when none matches.
     */
    public static Instant parseRetentionDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant http = parseHttpDate(v);
        if (http != null) {
            return http;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(v, Instant::from);
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return parseAmzDate(v);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
