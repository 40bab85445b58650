package io.ibmcos.client.model;

import java.util.Objects;

/**
 * A single-request upload ({@code PUT /bucket/key}). {@code contentMd5} is the base64 MD5 of the body, sent as
 * {@code Content-MD5} (COS requires an integrity value for buckets with a protection configuration).
 */
public record PutObjectRequest(String bucket, String key, Payload payload, ObjectHeaders headers, String contentMd5,
        RetentionOptions retention) {

    public PutObjectRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        headers = headers == null ? ObjectHeaders.NONE : headers;
        retention = retention == null ? RetentionOptions.NONE : retention;
    }

    public static PutObjectRequest of(String bucket, String key, Payload payload) {
        return new PutObjectRequest(bucket, key, payload, ObjectHeaders.NONE, null, RetentionOptions.NONE);
    }

    public PutObjectRequest withHeaders(ObjectHeaders h) {
        return new PutObjectRequest(bucket, key, payload, h, contentMd5, retention);
    }

    public PutObjectRequest withContentMd5(String md5) {
        return new PutObjectRequest(bucket, key, payload, headers, md5, retention);
    }

    public PutObjectRequest withRetention(RetentionOptions r) {
        return new PutObjectRequest(bucket, key, payload, headers, contentMd5, r);
    }
}
