package io.ibmcos.client;

import io.ibmcos.client.auth.IamTokenManager;
import io.ibmcos.client.http.Authenticator;
import io.ibmcos.client.http.CosRequest;
import java.util.Map;

/**
 * IAM authentication: {@code Authorization: Bearer <token>} from the shared token manager, plus
 * {@code ibm-service-instance-id} on the calls that need it (list and create bucket). A 401 from COS drops the
 * token that was sent, so the retry fetches a fresh one — exactly once per call.
 */
final class BearerAuthenticator implements Authenticator {

    static final String SERVICE_INSTANCE_HEADER = "ibm-service-instance-id";
    private static final String BEARER = "Bearer ";

    private final IamTokenManager tokens;
    private final String serviceInstanceId;

    BearerAuthenticator(IamTokenManager tokens, String serviceInstanceId) {
        this.tokens = tokens;
        this.serviceInstanceId = serviceInstanceId;
    }

    @Override
    public void authenticate(CosRequest request, String host, String encodedPath, Map<String, String> headers) {
        headers.put("Authorization", BEARER + tokens.accessToken());
        if (request.needsServiceInstance() && serviceInstanceId != null && !hasHeader(headers)) {
            headers.put(SERVICE_INSTANCE_HEADER, serviceInstanceId);
        }
    }

    private static boolean hasHeader(Map<String, String> headers) {
        return headers.keySet().stream().anyMatch(SERVICE_INSTANCE_HEADER::equalsIgnoreCase);
    }

    @Override
    public boolean refreshAfterUnauthorized(Map<String, String> sentHeaders) {
        String sent = sentHeaders.get("Authorization");
        if (sent == null || !sent.startsWith(BEARER)) {
            return false;
        }
        tokens.invalidate(sent.substring(BEARER.length()));
        return true;
    }
}
