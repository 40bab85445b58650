package io.ibmcos.emulator.protocol;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an HTTP request the protocol code looks at, with the addressing already resolved: the bucket comes
 * from the Host header (virtual-host style) or from the first path segment (path style). Query parameter names
 * are case-sensitive as in S3; a bare flag ({@code ?uploads}) and an empty value ({@code ?uploads=}) are the same.
 */
public final class RequestHead {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final HttpHeaders headers;
    private final Map<String, String> query;
    private final String bucket;
    private final String key;
    private final String requestId;

    public RequestHead(String method, String rawPath, String rawQuery, HttpHeaders headers, String bucket, String key,
            String requestId) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.query = parseQuery(rawQuery);
        this.bucket = bucket;
        this.key = key;
        this.requestId = requestId;
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = Codec.percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : Codec.percentDecode(pair.substring(eq + 1), true);
            out.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(out);
    }

    public String method() {
        return method;
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public List<String> headerValues(String name) {
        return headers.getAll(name);
    }

    public boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    public String query(String name) {
        return query.get(name);
    }

    public Map<String, String> queryParams() {
        return query;
    }

    /** Null for service-level requests. */
    public String bucket() {
        return bucket;
    }

    /** Null for service- and bucket-level requests. */
    public String key() {
        return key;
    }

    public String requestId() {
        return requestId;
    }

    /** The resource as it appears in error bodies. */
    public String resource() {
        if (bucket == null) {
            return "/";
        }
        return key == null ? "/" + bucket + "/" : "/" + bucket + "/" + key;
    }
}
