package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.storage.LegalHold;
import io.ibmcos.emulator.storage.ProtectionConfig;
import io.ibmcos.emulator.storage.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules of IBM Immutable Object Storage (cos-api.md §4), free of HTTP and storage so that they can be tested
 * on their own: protection limits, retention on write, legal hold ids and the extend-only rule.
 */
public final class RetentionRules {
    public static final int MAX_DAYS = 365_243;
    public static final int MAX_LEGAL_HOLDS = 100;
    private static final long DAY = 86_400;
    private static final Pattern HOLD_ID = Pattern.compile("^[A-Za-z0-9!_.*()\\-']{1,64}$");

    private RetentionRules() {
    }

    public static void validateProtection(ProtectionConfig next, ProtectionConfig current) {
        for (int days : new int[] {next.minimumDays(), next.defaultDays(), next.maximumDays()}) {
            if (days < 0 || days > MAX_DAYS) {
                throw CosException.invalidArgument("Retention days must be between 0 and " + MAX_DAYS);
            }
        }
        if (next.minimumDays() > next.defaultDays() || next.defaultDays() > next.maximumDays()) {
            throw CosException.invalidArgument(
                    "MinimumRetention must not exceed DefaultRetention, which must not exceed MaximumRetention");
        }
        if (current != null && current.permanentRetentionEnabled() && !next.permanentRetentionEnabled()) {
            throw CosException.invalidArgument("EnablePermanentRetention cannot be disabled once enabled");
        }
    }

    /**
     * Retention of a new object version from the Retention-Period / Retention-Expiration-Date headers, or the bucket
     * default when neither is given. Null for a bucket without protection (the headers are then refused).
     */
    public static Retention forWrite(ProtectionConfig cfg, Function<String, String> headers, Instant now) {
        String period = headers.apply("Retention-Period");
        String date = headers.apply("Retention-Expiration-Date");
        String hold = headers.apply("Retention-Legal-Hold-ID");
        if (cfg == null) {
            if (period != null || date != null || hold != null) {
                throw CosException.invalidArgument("Retention headers require a bucket with a protection configuration");
            }
            return null;
        }
        if (period != null && date != null) {
            throw CosException.invalidArgument("Retention-Period and Retention-Expiration-Date are mutually exclusive");
        }
        long seconds;
        if (period != null) {
            seconds = parseSeconds("Retention-Period", period, true);
        } else if (date != null) {
            Instant until = parseDate("Retention-Expiration-Date", date);
            seconds = Math.max(0, Duration.between(now, until).toSeconds());
        } else {
            seconds = cfg.defaultDays() * DAY;
        }
        return retention(cfg, now, now, seconds);
    }

    /** A retention of {@code seconds} from {@code created}, checked against the bucket limits as of {@code now}. */
    static Retention retention(ProtectionConfig cfg, Instant created, Instant now, long seconds) {
        if (seconds == Retention.PERMANENT) {
            if (!cfg.permanentRetentionEnabled()) {
                throw CosException.invalidArgument("Permanent retention (-2) is not enabled on this bucket");
            }
            return new Retention(created, seconds, null);
        }
        if (seconds == Retention.INDEFINITE) {
            return new Retention(created, seconds, null);
        }
        Instant expiration = created.plusSeconds(seconds);
        long remaining = Math.max(0, Duration.between(now, expiration).toSeconds());
        if (seconds < cfg.minimumDays() * DAY && created.equals(now)) {
            throw CosException.invalidArgument("Retention period is below the bucket minimum of " + cfg.minimumDays() + " days");
        }
        if (remaining > cfg.maximumDays() * DAY) {
            throw CosException.invalidArgument("Retention period exceeds the bucket maximum of " + cfg.maximumDays() + " days");
        }
        return new Retention(created, seconds, expiration);
    }

    public static void validateHoldId(String id) {
        if (id == null || !HOLD_ID.matcher(id).matches()) {
            throw CosException.invalidArgument(
                    "A legal hold id has 1 to 64 characters from letters, digits and !_.*()-'");
        }
    }

    /** The holds after adding {@code id}: 400 for a bad id or more than 100 holds, 409 when already present. */
    public static List<LegalHold> addHold(List<LegalHold> holds, String id, Instant now) {
        validateHoldId(id);
        for (LegalHold h : holds) {
            if (h.id().equals(id)) {
                throw new CosException(409, "LegalHoldAlreadyExists", "The object already carries legal hold " + id);
            }
        }
        if (holds.size() >= MAX_LEGAL_HOLDS) {
            throw CosException.invalidArgument("An object can carry at most " + MAX_LEGAL_HOLDS + " legal holds");
        }
        List<LegalHold> out = new ArrayList<>(holds);
        out.add(new LegalHold(id, now));
        return out;
    }

    public static List<LegalHold> removeHold(List<LegalHold> holds, String id) {
        validateHoldId(id);
        List<LegalHold> out = new ArrayList<>(holds);
        if (!out.removeIf(h -> h.id().equals(id))) {
            throw CosException.invalidArgument("The object carries no legal hold " + id);
        }
        return out;
    }

    /**
     * Applies ?extendRetention: exactly one of the four headers; the result may not end earlier than the current
     * retention (indefinite may become any finite value), nor run longer than the bucket maximum from now.
     */
    public static Retention extend(Retention current, ProtectionConfig cfg, Function<String, String> headers, Instant now) {
        String additional = headers.apply("Additional-Retention-Period");
        String fromNow = headers.apply("Extend-Retention-From-Current-Time");
        String newDate = headers.apply("New-Retention-Expiration-Date");
        String newPeriod = headers.apply("New-Retention-Period");
        int given = (additional != null ? 1 : 0) + (fromNow != null ? 1 : 0) + (newDate != null ? 1 : 0)
                + (newPeriod != null ? 1 : 0);
        if (given != 1) {
            throw CosException.invalidArgument("Exactly one of Additional-Retention-Period, Extend-Retention-From-Current-Time,"
                    + " New-Retention-Expiration-Date and New-Retention-Period is required");
        }
        if (current.periodSeconds() == Retention.PERMANENT) {
            throw CosException.invalidArgument("Permanent retention cannot be changed");
        }
        Instant created = current.createTime();
        long seconds;
        if (additional != null) {
            if (current.periodSeconds() == Retention.INDEFINITE) {
                throw CosException.invalidArgument("Cannot add to an indefinite retention period");
            }
            seconds = current.periodSeconds() + parseSeconds("Additional-Retention-Period", additional, false);
        } else if (fromNow != null) {
            Instant until = now.plusSeconds(parseSeconds("Extend-Retention-From-Current-Time", fromNow, false));
            seconds = Duration.between(created, until).toSeconds();
        } else if (newDate != null) {
            seconds = Duration.between(created, parseDate("New-Retention-Expiration-Date", newDate)).toSeconds();
        } else {
            seconds = parseSeconds("New-Retention-Period", newPeriod, true);
        }
        if (current.periodSeconds() >= 0) {
            if (seconds < 0 && seconds != Retention.INDEFINITE && seconds != Retention.PERMANENT
                    || seconds >= 0 && seconds < current.periodSeconds()) {
                throw CosException.invalidArgument("Retention can only be extended, not shortened");
            }
        }
        return retention(cfg, created, now, seconds);
    }

    private static long parseSeconds(String header, String value, boolean allowSpecial) {
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw CosException.invalidArgument(header + " must be a number of seconds");
        }
        if (v < 0 && !(allowSpecial && (v == Retention.INDEFINITE || v == Retention.PERMANENT))) {
            throw CosException.invalidArgument(header + " must not be negative");
        }
        return v;
    }

    private static Instant parseDate(String header, String value) {
        Instant t = HttpDates.parseRetentionDate(value);
        if (t == null) {
            throw CosException.invalidArgument(header + " must be an RFC 1123 or ISO-8601 date");
        }
        return t;
    }
}
