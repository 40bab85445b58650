package io.ibmcos.client.model;

import java.util.List;
import java.util.Objects;

/** Completes an upload from its parts (sent in ascending part order); retention headers go here. */
public record CompleteMultipartUploadRequest(String bucket, String key, String uploadId, List<CompletedPart> parts,
        RetentionOptions retention) {

    public CompleteMultipartUploadRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("A multipart upload needs at least one part to complete");
        }
        parts = List.copyOf(parts);
        retention = retention == null ? RetentionOptions.NONE : retention;
    }
}
