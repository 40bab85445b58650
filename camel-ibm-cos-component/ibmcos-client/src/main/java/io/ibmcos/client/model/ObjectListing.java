package io.ibmcos.client.model;

import java.util.List;

/**
 * One page of objects. {@code truncated} with {@code nextContinuationToken} (v2) or {@code nextMarker} (v1)
 * means more pages follow.
 */
public record ObjectListing(String bucket, String prefix, String delimiter, int maxKeys, int keyCount,
        boolean truncated, String continuationToken, String nextContinuationToken, String startAfter,
        String marker, String nextMarker, List<ObjectSummary> objects, List<String> commonPrefixes) {

    public ObjectListing {
        objects = objects == null ? List.of() : List.copyOf(objects);
        commonPrefixes = commonPrefixes == null ? List.of() : List.copyOf(commonPrefixes);
    }
}
