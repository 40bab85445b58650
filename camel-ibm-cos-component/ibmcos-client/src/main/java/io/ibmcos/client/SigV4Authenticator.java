package io.ibmcos.client;

import io.ibmcos.client.auth.SigV4Signer;
import io.ibmcos.client.http.Authenticator;
import io.ibmcos.client.http.CosRequest;
import io.ibmcos.client.model.Payload;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * HMAC authentication. Small in-memory bodies (XML documents, small objects) are signed with their real SHA-256;
 * larger and streamed bodies with {@code UNSIGNED-PAYLOAD}, which COS accepts, so an upload is never read twice.
 */
final class SigV4Authenticator implements Authenticator {

    /** Above this size hashing the body costs more than it protects (TLS already guards the bytes). */
    static final int HASHED_BODY_LIMIT = 64 * 1024;

    private final SigV4Signer signer;
    private final Clock clock;

    SigV4Authenticator(SigV4Signer signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public void authenticate(CosRequest request, String host, String encodedPath, Map<String, String> headers) {
        Map<String, String> toSign = new HashMap<>(headers);
        toSign.put("host", host);
        SigV4Signer.SigningInput input = new SigV4Signer.SigningInput(request.method(), encodedPath, request.query(),
                toSign);
        headers.putAll(signer.sign(input, payloadHash(request.payload()), clock.instant()));
    }

    static String payloadHash(Payload payload) {
        if (payload == null || payload.length() == 0) {
            return SigV4Signer.EMPTY_SHA256;
        }
        if (payload instanceof Payload.Bytes bytes && bytes.count() <= HASHED_BODY_LIMIT) {
            byte[] copy = java.util.Arrays.copyOfRange(bytes.data(), bytes.offset(), bytes.offset() + bytes.count());
            return SigV4Signer.sha256Hex(copy);
        }
        return SigV4Signer.UNSIGNED_PAYLOAD;
    }
}
