package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.RequestHead;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.storage.ObjectRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads object headers from requests (content headers, x-amz-meta-*) and writes them on GET/HEAD responses. */
public final class ObjectHeaders {
    static final List<String> CONTENT_HEADERS = List.of("content-type", "cache-control", "content-disposition",
            "content-encoding", "content-language", "expires");
    private static final String META = "x-amz-meta-";
    /** Sum of user metadata names and values that COS guarantees to keep (HTTP header limits apply first). */
    private static final int MAX_METADATA_BYTES = 2 * 1024 * 1024;

    private ObjectHeaders() {
    }

    public static Map<String, String> contentHeaders(RequestHead head) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : CONTENT_HEADERS) {
            String v = head.header(name);
            if (v == null) {
                continue;
            }
            if (name.equals("content-encoding")) {
                // aws-chunked is transfer framing, not a property of the stored object
                v = stripAwsChunked(v);
                if (v.isEmpty()) {
                    continue;
                }
            }
            out.put(name, v);
        }
        return out;
    }

    private static String stripAwsChunked(String encoding) {
        StringBuilder sb = new StringBuilder();
        for (String e : encoding.split(",")) {
            String t = e.trim();
            if (!t.isEmpty() && !t.equalsIgnoreCase("aws-chunked")) {
                sb.append(sb.length() == 0 ? "" : ",").append(t);
            }
        }
        return sb.toString();
    }

    /** x-amz-meta-* headers (names lower-cased, prefix removed); repeated headers are joined with commas as COS does. */
    public static Map<String, String> userMetadata(RequestHead head) {
        Map<String, String> out = new LinkedHashMap<>();
        int bytes = 0;
        for (Map.Entry<String, String> h : head.headers()) {
            String n = h.getKey().toLowerCase(Locale.ROOT);
            if (n.startsWith(META) && n.length() > META.length()) {
                String name = n.substring(META.length());
                out.merge(name, h.getValue(), (a, b) -> a + "," + b);
                bytes += name.getBytes(StandardCharsets.UTF_8).length + h.getValue().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (bytes > MAX_METADATA_BYTES) {
            throw new CosException(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.");
        }
        return out;
    }

    /** Headers describing the object (everything but the body framing). */
    public static void write(Response r, ObjectRecord o, RequestHead head) {
        r.header("ETag", quote(o.etag()));
        r.header("Last-Modified", HttpDates.rfc1123(o.lastModified()));
        r.header("Accept-Ranges", "bytes");
        r.header("Content-Type", o.contentHeaders().getOrDefault("content-type", "application/octet-stream"));
        o.contentHeaders().forEach((k, v) -> {
            if (!k.equals("content-type")) {
                r.header(k, v);
            }
        });
        o.userMetadata().forEach((k, v) -> r.header(META + k, v));
        if (o.retention() != null) {
            if (o.retention().expiration() != null) {
                r.header("Retention-Expiration-Date", HttpDates.rfc1123(o.retention().expiration()));
            }
            r.header("Retention-Period", o.retention().periodSeconds());
            r.header("Retention-Legal-Hold-Count", o.legalHolds().size());
        }
        if (o.etag().contains("-")) {
            r.header("x-amz-mp-parts-count", o.etag().substring(o.etag().indexOf('-') + 1));
        }
        // response-* query parameters override the stored headers on GET (presigned download links use them)
        for (String name : CONTENT_HEADERS) {
            String override = head.query("response-" + name);
            if (override != null) {
                r.header(name, override);
            }
        }
    }

    public static String quote(String etag) {
        return '"' + etag + '"';
    }

    public static String unquote(String etag) {
        String t = etag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
