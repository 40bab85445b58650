package io.ibmcos.client.http;

import io.ibmcos.client.model.Payload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A COS call before addressing and authentication: method, bucket and key (raw, unencoded), query parameters
 * (raw; an empty value is a bare sub-resource flag such as {@code ?uploads}), headers and body.
 * Built with {@link #builder(String)}.
 */
public final class CosRequest {

    private final String method;
    private final String bucket;
    private final String key;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final Payload payload;
    private final boolean serviceInstanceRequired;
    private final String operation;

    private CosRequest(Builder b) {
        this.method = b.method;
        this.bucket = b.bucket;
        this.key = b.key;
        this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.payload = b.payload;
        this.serviceInstanceRequired = b.serviceInstanceHeader;
        this.operation = b.operation;
    }

    public static Builder builder(String method) {
        return new Builder(method);
    }

    public String method() {
        return method;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Payload payload() {
        return payload;
    }

    /** True for calls where IAM mode must send {@code ibm-service-instance-id} (list and create bucket). */
    public boolean needsServiceInstance() {
        return serviceInstanceRequired;
    }

    /** Operation name for messages and logs, e.g. {@code PutObject}. */
    public String operation() {
        return operation;
    }

    /** True when a failed attempt may be sent again: no body, or one that can be re-read. */
    public boolean replayable() {
        return payload == null || payload.replayable();
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    @Override
    public String toString() {
        return operation + " " + method + " " + (bucket == null ? "/" : "/" + bucket + (key == null ? "" : "/" + key));
    }

    public static final class Builder {
        private final String method;
        private String bucket;
        private String key;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Payload payload;
        private boolean serviceInstanceHeader;
        private String operation = "Request";

        private Builder(String method) {
            this.method = method;
        }

        public Builder operation(String name) {
            this.operation = name;
            return this;
        }

        public Builder bucket(String b) {
            this.bucket = b;
            return this;
        }

        public Builder key(String k) {
            this.key = k;
            return this;
        }

        /** Adds a query parameter; null values are skipped, "" is a bare flag. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        public Builder flag(String name) {
            query.add(Map.entry(name, ""));
            return this;
        }

        /** Adds a header; null values are skipped. */
        public Builder header(String name, Object value) {
            if (value != null) {
                headers.put(name, String.valueOf(value));
            }
            return this;
        }

        public Builder payload(Payload p) {
            this.payload = p;
            return this;
        }

        public Builder needsServiceInstance() {
            this.serviceInstanceHeader = true;
            return this;
        }

        public CosRequest build() {
            return new CosRequest(this);
        }
    }
}
