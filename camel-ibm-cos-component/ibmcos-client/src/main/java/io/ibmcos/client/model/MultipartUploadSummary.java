package io.ibmcos.client.model;

import java.time.Instant;

/** An upload in progress, as listed by {@code GET ?uploads}. */
public record MultipartUploadSummary(String key, String uploadId, Instant initiated) {
}
