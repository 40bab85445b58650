package io.ibmcos.client;

import io.ibmcos.client.http.CosRequest;
import io.ibmcos.client.http.TransportResponse;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.xml.CosDates;
import io.ibmcos.client.xml.Etags;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps model records to request headers and response headers back to {@link ObjectMetadata}. */
final class WireHeaders {

    static final String META_PREFIX = "x-amz-meta-";

    private WireHeaders() {
    }

    static void content(CosRequest.Builder b, ObjectHeaders h) {
        b.header("Content-Type", h.contentType())
                .header("Content-Encoding", h.contentEncoding())
                .header("Content-Disposition", h.contentDisposition())
                .header("Content-Language", h.contentLanguage())
                .header("Cache-Control", h.cacheControl())
                .header("Expires", h.expires());
        h.userMetadata().forEach((k, v) -> b.header(META_PREFIX + k, v));
    }

    /** IBM retention headers (no {@code x-amz-} prefix). Dates in ISO-8601, the form COS documents. */
    static void retention(CosRequest.Builder b, RetentionOptions r) {
        b.header("Retention-Period", r.periodSeconds())
                .header("Retention-Expiration-Date", r.expirationDate() == null ? null : CosDates.iso(r.expirationDate()))
                .header("Retention-Legal-Hold-ID", r.legalHoldId());
    }

    static ObjectMetadata metadata(String bucket, String key, TransportResponse r) {
        Map<String, String> user = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(META_PREFIX) && !h.getValue().isEmpty()) {
                // COS joins repeated metadata headers with commas; the JDK may hand them over as a list
                user.put(name.substring(META_PREFIX.length()), String.join(",", h.getValue()));
            }
        }
        String length = r.header("Content-Length");
        return new ObjectMetadata(bucket, key, Etags.strip(r.header("ETag")),
                length == null ? -1 : Long.parseLong(length.trim()), r.header("Content-Type"),
                r.header("Content-Encoding"), r.header("Content-Disposition"), r.header("Content-Language"),
                r.header("Cache-Control"), r.header("Expires"), date(r.header("Last-Modified")), user,
                r.header("x-amz-version-id"), r.header("x-amz-storage-class"), r.header("Content-Range"),
                longOrNull(r.header("Retention-Period")), date(r.header("Retention-Expiration-Date")),
                intOrNull(r.header("Retention-Legal-Hold-Count")));
    }

    private static Instant date(String v) {
        try {
            return CosDates.parse(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long longOrNull(String v) {
        return v == null || v.isBlank() ? null : Long.valueOf(v.trim());
    }

    private static Integer intOrNull(String v) {
        return v == null || v.isBlank() ? null : Integer.valueOf(v.trim());
    }
}
