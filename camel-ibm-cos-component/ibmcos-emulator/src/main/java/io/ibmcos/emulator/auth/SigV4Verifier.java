package io.ibmcos.emulator.auth;

import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.RequestHead;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Recomputes and checks SigV4 signatures, in the Authorization header or in a presigned URL. The region in the
 * credential scope is taken as the client sent it (COS ignores region semantics). Because clients differ in how
 * they escape paths, the canonical URI is tried as re-encoded by the SigV4 rules and, failing that, as received.
 */
public final class SigV4Verifier {
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    static final long MAX_PRESIGN_SECONDS = 604_800;

    private final Function<String, String> secrets;
    private final Clock clock;

    /** {@code secrets} maps an access key id to its secret, or null when the key is unknown. */
    public SigV4Verifier(Function<String, String> secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    private record Scope(String accessKey, String date, String region, String service) {
        String value() {
            return date + '/' + region + '/' + service + "/aws4_request";
        }
    }

    public SigV4Context verifyHeader(RequestHead head) {
        String auth = head.header("Authorization").trim();
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : auth.substring(SigV4.ALGORITHM.length()).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = p.substring(eq + 1).trim();
            switch (p.substring(0, eq).trim()) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                    // unknown components are ignored, as S3 does
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw new CosException(400, "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; Credential, SignedHeaders and Signature are required.");
        }
        String amzDate = head.header("x-amz-date");
        Instant requestTime = amzDate != null ? parseAmzDate(amzDate) : HttpDates.parseHttpDate(head.header("Date"));
        if (requestTime == null) {
            throw CosException.accessDenied("AWS authentication requires a valid Date or x-amz-date header");
        }
        if (amzDate == null) {
            amzDate = HttpDates.amzDate(requestTime);
        }
        Instant now = clock.instant();
        if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new CosException(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.");
        }
        String payloadHash = head.header("x-amz-content-sha256");
        if (payloadHash == null) {
            throw new CosException(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }
        Scope scope = parseScope(credential);
        byte[] key = signingKey(scope);
        List<String> signed = Arrays.asList(signedHeaders.split(";"));
        if (!signed.contains("host")) {
            throw CosException.accessDenied("The host header must be signed");
        }
        String canonicalHeaders = SigV4.canonicalHeaders(signed, head::headerValues);
        String query = SigV4.canonicalQuery(head.rawQuery(), null);
        check(head, key, scope, amzDate, query, canonicalHeaders, signedHeaders, payloadHash, signature);
        return new SigV4Context(scope.accessKey(), key, amzDate, scope.value(), signature.toLowerCase(Locale.ROOT), payloadHash);
    }

    public SigV4Context verifyPresigned(RequestHead head) {
        if (!SigV4.ALGORITHM.equals(head.query("X-Amz-Algorithm"))) {
            throw CosException.badRequest("AuthorizationQueryParametersError",
                    "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        String credential = required(head, "X-Amz-Credential");
        String amzDate = required(head, "X-Amz-Date");
        String expires = required(head, "X-Amz-Expires");
        String signedHeaders = required(head, "X-Amz-SignedHeaders");
        String signature = required(head, "X-Amz-Signature");
        Instant requestTime = parseAmzDate(amzDate);
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw CosException.badRequest("AuthorizationQueryParametersError", "X-Amz-Expires must be a number");
        }
        if (seconds < 0 || seconds > MAX_PRESIGN_SECONDS) {
            throw CosException.badRequest("AuthorizationQueryParametersError",
                    "X-Amz-Expires must be between 0 and " + MAX_PRESIGN_SECONDS + " seconds");
        }
        Instant now = clock.instant();
        if (now.isAfter(requestTime.plusSeconds(seconds))) {
            throw CosException.accessDenied("Request has expired");
        }
        if (requestTime.isAfter(now.plus(MAX_SKEW))) {
            throw CosException.accessDenied("Request is not valid yet");
        }
        Scope scope = parseScope(credential);
        byte[] key = signingKey(scope);
        List<String> signed = Arrays.asList(signedHeaders.split(";"));
        String canonicalHeaders = SigV4.canonicalHeaders(signed, head::headerValues);
        String payloadHash = head.query("X-Amz-Content-Sha256") != null ? head.query("X-Amz-Content-Sha256") : "UNSIGNED-PAYLOAD";
        String query = SigV4.canonicalQuery(head.rawQuery(), "X-Amz-Signature");
        check(head, key, scope, amzDate, query, canonicalHeaders, signedHeaders, payloadHash, signature);
        return new SigV4Context(scope.accessKey(), key, amzDate, scope.value(), signature, payloadHash);
    }

    private void check(RequestHead head, byte[] key, Scope scope, String amzDate, String query, String headers,
            String signedHeaders, String payloadHash, String signature) {
        Set<String> uris = new LinkedHashSet<>();
        String rawPath = head.rawPath().isEmpty() ? "/" : head.rawPath();
        uris.add(Codec.uriEncode(Codec.percentDecode(rawPath, false), true));
        uris.add(rawPath);
        byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        for (String uri : uris) {
            String canonical = SigV4.canonicalRequest(head.method(), uri, query, headers, signedHeaders, payloadHash);
            String expected = SigV4.signature(key, SigV4.stringToSign(amzDate, scope.value(), canonical));
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
                return;
            }
        }
        throw new CosException(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }

    private Scope parseScope(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5 || !"aws4_request".equals(parts[4])) {
            throw new CosException(400, "AuthorizationHeaderMalformed",
                    "The credential scope must be <key>/<date>/<region>/<service>/aws4_request");
        }
        return new Scope(parts[0], parts[1], parts[2], parts[3]);
    }

    private byte[] signingKey(Scope scope) {
        String secret = secrets.apply(scope.accessKey());
        if (secret == null) {
            throw new CosException(403, "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.");
        }
        return SigV4.signingKey(secret, scope.date(), scope.region(), scope.service());
    }

    private static Instant parseAmzDate(String value) {
        try {
            return HttpDates.parseAmzDate(value);
        } catch (DateTimeParseException e) {
            throw CosException.accessDenied("Invalid date format in x-amz-date: " + value);
        }
    }

    private static String required(RequestHead head, String name) {
        String v = head.query(name);
        if (v == null || v.isEmpty()) {
            throw CosException.badRequest("AuthorizationQueryParametersError", "Query-string authentication requires " + name);
        }
        return v;
    }
}
