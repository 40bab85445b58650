package io.ibmcos.client.model;

import java.time.Instant;

/** A part as listed by {@code GET ?uploadId}. */
public record PartSummary(int partNumber, String eTag, long size, Instant lastModified) {
}
