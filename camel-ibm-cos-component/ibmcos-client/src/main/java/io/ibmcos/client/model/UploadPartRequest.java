package io.ibmcos.client.model;

import java.util.Objects;

/** One part (1–10 000) of a multipart upload; {@code contentMd5} (base64) optional. */
public record UploadPartRequest(String bucket, String key, String uploadId, int partNumber, Payload payload,
        String contentMd5) {

    public UploadPartRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(payload, "payload");
        if (partNumber < 1 || partNumber > 10_000) {
            throw new IllegalArgumentException("Part number must be between 1 and 10000, but was " + partNumber);
        }
        if (payload.length() < 0) {
            throw new IllegalArgumentException("A part needs a known length");
        }
    }
}
