package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.storage.ObjectRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * Conditional request headers (RFC 9110 §13 as S3 applies them): If-Match / If-Unmodified-Since fail with 412,
 * If-None-Match / If-Modified-Since yield 304 on GET/HEAD. The x-amz-copy-source-if-* family of CopyObject
 * fails with 412 in all four cases.
 */
final class Conditionals {
    /** Thrown (not an error) to answer 304 Not Modified. */
    static final class NotModified extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotModified() {
            super(null, null, false, false);
        }
    }

    private Conditionals() {
    }

    static void check(ObjectRecord o, Function<String, String> headers, String prefix, boolean copy) {
        String ifMatch = headers.apply(prefix + "if-match");
        String ifNoneMatch = headers.apply(prefix + "if-none-match");
        Instant ifModified = HttpDates.parseHttpDate(headers.apply(prefix + "if-modified-since"));
        Instant ifUnmodified = HttpDates.parseHttpDate(headers.apply(prefix + "if-unmodified-since"));
        Instant modified = o.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!etagMatches(o.etag(), ifMatch)) {
                throw preconditionFailed(prefix + "If-Match");
            }
        } else if (ifUnmodified != null && modified.isAfter(ifUnmodified)) {
            throw preconditionFailed(prefix + "If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (etagMatches(o.etag(), ifNoneMatch)) {
                if (copy) {
                    throw preconditionFailed(prefix + "If-None-Match");
                }
                throw new NotModified();
            }
        } else if (ifModified != null && !modified.isAfter(ifModified)) {
            if (copy) {
                throw preconditionFailed(prefix + "If-Modified-Since");
            }
            throw new NotModified();
        }
    }

    static boolean etagMatches(String etag, String headerValue) {
        for (String candidate : headerValue.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || ObjectHeaders.unquote(c).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static CosException preconditionFailed(String condition) {
        return new CosException(412, "PreconditionFailed",
                "At least one of the pre-conditions you specified did not hold: " + condition);
    }
}
