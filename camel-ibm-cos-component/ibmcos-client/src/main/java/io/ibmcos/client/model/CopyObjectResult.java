package io.ibmcos.client.model;

import java.time.Instant;

/** Outcome of a copy: the new object's ETag (quotes stripped) and last-modified time. */
public record CopyObjectResult(String eTag, Instant lastModified) {
}
