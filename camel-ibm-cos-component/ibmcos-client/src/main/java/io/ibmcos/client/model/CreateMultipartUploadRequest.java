package io.ibmcos.client.model;

import java.util.Objects;

/** Starts a multipart upload; content headers and user metadata are given here, retention on complete. */
public record CreateMultipartUploadRequest(String bucket, String key, ObjectHeaders headers) {

    public CreateMultipartUploadRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        headers = headers == null ? ObjectHeaders.NONE : headers;
    }
}
