package io.ibmcos.client.model;

import java.util.List;

/** The buckets of the service instance; the paging fields are only used by the extended listing. */
public record BucketListing(List<Bucket> buckets, String ownerId, String ownerDisplayName, boolean truncated,
        String nextMarker) {

    public BucketListing {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }
}
