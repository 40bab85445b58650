package io.ibmcos.client.model;

import java.time.Instant;

/** One entry of a listing; the ETag has its quotes stripped. */
public record ObjectSummary(String key, Instant lastModified, String eTag, long size, String storageClass,
        String ownerId) {
}
