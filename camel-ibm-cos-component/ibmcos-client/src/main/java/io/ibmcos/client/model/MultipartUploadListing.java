package io.ibmcos.client.model;

import java.util.List;

/** One page of uploads in progress. */
public record MultipartUploadListing(String bucket, List<MultipartUploadSummary> uploads, boolean truncated,
        String nextKeyMarker, String nextUploadIdMarker, List<String> commonPrefixes) {

    public MultipartUploadListing {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
        commonPrefixes = commonPrefixes == null ? List.of() : List.copyOf(commonPrefixes);
    }
}
