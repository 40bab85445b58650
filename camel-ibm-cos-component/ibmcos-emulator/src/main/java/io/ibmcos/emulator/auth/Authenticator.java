package io.ibmcos.emulator.auth;

import io.ibmcos.emulator.Credentials;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.Operation;
import io.ibmcos.emulator.protocol.RequestHead;
import java.time.Clock;
import java.util.Locale;

/**
 * Decides how a request is authenticated (SigV4 header, presigned URL or IAM bearer token) and checks it.
 * Failures follow COS: no credentials → 403 AccessDenied, unknown key → 403 InvalidAccessKeyId, wrong signature →
 * 403 SignatureDoesNotMatch, unknown or expired bearer token → 403 AccessDenied.
 */
public final class Authenticator {
    public static final String INSTANCE_HEADER = "ibm-service-instance-id";

    private final Credentials credentials;
    private final SigV4Verifier sigV4;
    private final IamTokens tokens;

    public Authenticator(Credentials credentials, IamTokens tokens, Clock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.sigV4 = new SigV4Verifier(k -> k.equals(credentials.accessKey()) ? credentials.secretKey() : null, clock);
    }

    public AuthResult authenticate(RequestHead head, Operation op) {
        if (op.unauthenticated()) {
            return AuthResult.NONE;
        }
        String auth = head.header("Authorization");
        String instance = normaliseInstance(head.header(INSTANCE_HEADER));
        if (auth == null || auth.isBlank()) {
            if (head.hasQuery("X-Amz-Signature") || head.hasQuery("X-Amz-Algorithm")) {
                return new AuthResult(AuthResult.Mode.PRESIGNED, sigV4.verifyPresigned(head), hmacInstance());
            }
            if (head.hasQuery("Signature") && head.hasQuery("AWSAccessKeyId")) {
                throw new CosException(400, "InvalidRequest", "Please use AWS4-HMAC-SHA256.");
            }
            throw CosException.accessDenied("Access Denied");
        }
        String trimmed = auth.trim();
        if (trimmed.startsWith(SigV4.ALGORITHM + " ")) {
            return new AuthResult(AuthResult.Mode.HMAC, sigV4.verifyHeader(head), hmacInstance());
        }
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(trimmed.substring(7).trim(), instance, op);
        }
        if (trimmed.startsWith("AWS ")) {
            throw new CosException(400, "InvalidRequest", "Please use AWS4-HMAC-SHA256.");
        }
        throw CosException.accessDenied("Unsupported authorization type");
    }

    private AuthResult bearer(String token, String instance, Operation op) {
        switch (tokens.check(token)) {
            case VALID -> {
                // COS needs to know which service instance lists or owns the buckets when the caller is an IAM identity
                if (instance == null && (op == Operation.ListBuckets || op == Operation.ListBucketsExtended
                        || op == Operation.CreateBucket)) {
                    throw CosException.invalidArgument("Missing required header: " + INSTANCE_HEADER);
                }
                return new AuthResult(AuthResult.Mode.BEARER, null, instance);
            }
            case EXPIRED -> throw CosException.accessDenied("The IAM token has expired");
            default -> throw CosException.accessDenied("The IAM token is not valid");
        }
    }

    private String hmacInstance() {
        return normaliseInstance(credentials.serviceInstanceId());
    }

    /**
     * Instance ids arrive as a GUID or as the full CRN
     * ({@code crn:v1:bluemix:public:cloud-object-storage:global:a/ACCOUNT:GUID::}); both name the same instance.
     */
    public static String normaliseInstance(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.toLowerCase(Locale.ROOT).startsWith("crn:")) {
            String[] parts = v.split(":", -1);
            if (parts.length > 7 && !parts[7].isEmpty()) {
                return parts[7];
            }
        }
        return v;
    }
}
