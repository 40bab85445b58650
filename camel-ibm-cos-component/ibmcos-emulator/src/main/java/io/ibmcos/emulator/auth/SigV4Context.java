package io.ibmcos.emulator.auth;

/**
 * What a verified SigV4 request leaves for its body: the signing key and scope needed to verify aws-chunked
 * chunk signatures, the seed signature they chain from, and the declared payload hash.
 */
public record SigV4Context(String accessKey, byte[] signingKey, String amzDate, String scope, String seedSignature,
        String payloadHash) {
}
