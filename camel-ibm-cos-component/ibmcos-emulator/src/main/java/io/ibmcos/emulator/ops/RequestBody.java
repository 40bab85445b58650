package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.storage.BlobRef;

/**
 * A received and verified request body: either buffered {@code bytes} (XML and form bodies) or a committed but
 * still unowned {@code blob} (object data). {@code md5} is the MD5 of the decoded payload. {@code checksumGiven}: the
 * client sent Content-MD5 or an x-amz-checksum-* value (and it matched); {@code payloadSigned}: the SigV4 signature
 * covers the payload (a real SHA-256 or signed aws-chunked chunks).
 */
public record RequestBody(byte[] bytes, BlobRef blob, long size, byte[] md5, boolean checksumGiven, boolean payloadSigned) {

    /** Whether the payload's integrity was proven in any accepted way (what protected buckets demand of uploads). */
    public boolean integrity() {
        return checksumGiven || payloadSigned;
    }
}
