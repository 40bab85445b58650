package io.ibmcos.emulator.storage;

import java.time.Instant;

/** One uploaded part of a multipart upload. {@code etag} is the unquoted hex MD5 of the part. */
public record PartRecord(int partNumber, String etag, long size, Instant lastModified, BlobRef blob) {
}
