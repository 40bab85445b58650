package io.ibmcos.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Status, headers (looked up case-insensitively) and the unread body, which the caller must close. */
public final class TransportResponse implements AutoCloseable {

    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    public TransportResponse(int status, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = h;
        this.body = body == null ? InputStream.nullInputStream() : body;
    }

    public int status() {
        return status;
    }

    /** First value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public InputStream body() {
        return body;
    }

    /** Reads the whole body (only for small XML/JSON answers) and closes it. */
    public byte[] readBody() {
        try (InputStream in = body) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing a drained or broken connection: nothing left to report
        }
    }
}
