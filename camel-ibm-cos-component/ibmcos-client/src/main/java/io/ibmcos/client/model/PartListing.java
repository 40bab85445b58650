package io.ibmcos.client.model;

import java.util.List;

/** One page of the parts of an upload. */
public record PartListing(String bucket, String key, String uploadId, List<PartSummary> parts, boolean truncated,
        Integer nextPartNumberMarker) {

    public PartListing {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }
}
