package io.ibmcos.client.model;

import java.time.Duration;
import java.util.Objects;

/** A presigned GET or PUT URL (HMAC credentials only); expiry 1 second to 7 days. */
public record PresignRequest(Method method, String bucket, String key, Duration expiry) {

    public enum Method {
        GET,
        PUT
    }

    public PresignRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("Presigned URL expiry must be between 1 second and 7 days, but was "
                    + expiry.getSeconds() + " seconds");
        }
    }
}
