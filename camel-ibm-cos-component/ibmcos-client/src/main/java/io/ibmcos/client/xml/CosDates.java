package io.ibmcos.client.xml;

import java.time.Instant;
import java.util.Locale;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Date formats met in COS answers and headers. Parsing is tolerant because sources disagree (IBM's Java SDK uses
 * RFC-822 for retention dates, the docs and other SDKs ISO-8601): ISO-8601 instants with or without millis, the
 * basic form {@code 20170208T175000Z}, and RFC-1123.
 */
public final class CosDates {

    private static final DateTimeFormatter RFC_1123_NO_WEEKDAY =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", Locale.ENGLISH);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX");
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private CosDates() {
    }

    /** Parses any of the accepted forms; null or blank gives null; anything else unparseable is an error. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (Character.isLetter(v.charAt(0))) {
                // the weekday is dropped: IBM's own samples carry wrong ones ("Fri, 8 Sep 2018"), and it adds nothing
                int comma = v.indexOf(',');
                return RFC_1123_NO_WEEKDAY.parse(comma < 0 ? v : v.substring(comma + 1).trim(), Instant::from);
            }
            if (v.length() == 16 && v.charAt(8) == 'T') {
                return BASIC.parse(v, Instant::from);
            }
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(v, Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Unrecognised date '" + value
                    + "': expected ISO-8601 (2030-01-31T12:00:00Z), 20300131T120000Z or RFC-1123", e);
        }
    }

    /** {@code Wed, 08 Feb 2017 17:50:00 GMT}, the form HTTP date headers use. */
    public static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code 2017-02-08T17:50:00Z}, the form COS documents for retention dates. */
    public static String iso(Instant instant) {
        return ISO_SECONDS.format(instant);
    }
}
