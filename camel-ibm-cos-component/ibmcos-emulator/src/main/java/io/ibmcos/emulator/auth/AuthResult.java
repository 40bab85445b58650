package io.ibmcos.emulator.auth;

/**
 * Outcome of authenticating a request. {@code sigV4} is set for HMAC requests (needed to verify aws-chunked
 * bodies and payload hashes); {@code serviceInstance} is the normalised instance the request acts for, or null
 * when a bearer request did not name one.
 */
public record AuthResult(Mode mode, SigV4Context sigV4, String serviceInstance) {
    public enum Mode { HMAC, PRESIGNED, BEARER, NONE }

    public static final AuthResult NONE = new AuthResult(Mode.NONE, null, null);
}
