package io.ibmcos.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Content headers and user metadata sent with an object write (put, copy with REPLACE, multipart initiate).
 * Every field is optional; user metadata keys are sent as {@code x-amz-meta-<key>}.
 */
public record ObjectHeaders(String contentType, String contentEncoding, String contentDisposition,
        String contentLanguage, String cacheControl, String expires, Map<String, String> userMetadata) {

    public static final ObjectHeaders NONE = new ObjectHeaders(null, null, null, null, null, null, Map.of());

    public ObjectHeaders {
        userMetadata = userMetadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(userMetadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return contentType == null && contentEncoding == null && contentDisposition == null && contentLanguage == null
                && cacheControl == null && expires == null && userMetadata.isEmpty();
    }

    public static final class Builder {
        private String contentType;
        private String contentEncoding;
        private String contentDisposition;
        private String contentLanguage;
        private String cacheControl;
        private String expires;
        private final Map<String, String> userMetadata = new LinkedHashMap<>();

        public Builder contentType(String v) {
            contentType = v;
            return this;
        }

        public Builder contentEncoding(String v) {
            contentEncoding = v;
            return this;
        }

        public Builder contentDisposition(String v) {
            contentDisposition = v;
            return this;
        }

        public Builder contentLanguage(String v) {
            contentLanguage = v;
            return this;
        }

        public Builder cacheControl(String v) {
            cacheControl = v;
            return this;
        }

        public Builder expires(String v) {
            expires = v;
            return this;
        }

        public Builder userMetadata(Map<String, String> v) {
            if (v != null) {
                userMetadata.putAll(v);
            }
            return this;
        }

        public Builder userMetadata(String key, String value) {
            userMetadata.put(key, value);
            return this;
        }

        public ObjectHeaders build() {
            return new ObjectHeaders(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl,
                    expires, userMetadata);
        }
    }
}
