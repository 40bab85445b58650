package io.ibmcos.client.model;

import java.util.Objects;

/** Paging and filtering of {@code GET /bucket?uploads}; all but the bucket optional. */
public record ListMultipartUploadsRequest(String bucket, String prefix, String delimiter, Integer maxUploads,
        String keyMarker, String uploadIdMarker) {

    public ListMultipartUploadsRequest {
        Objects.requireNonNull(bucket, "bucket");
    }

    public static ListMultipartUploadsRequest of(String bucket) {
        return new ListMultipartUploadsRequest(bucket, null, null, null, null, null);
    }
}
