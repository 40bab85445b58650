package io.ibmcos.client.http;

import java.util.Map;

/** Adds the authentication headers to a request: a bearer token (IAM) or a SigV4 signature (HMAC). */
public interface Authenticator {

    /**
     * @param request     the call
     * @param host        the Host header value the transport will send
     * @param encodedPath the path as sent (the SigV4 canonical URI)
     * @param headers     the request headers so far; authentication headers are added to it
     */
    void authenticate(CosRequest request, String host, String encodedPath, Map<String, String> headers);

    /**
     * COS answered 401 to a request sent with {@code sentHeaders}. Returns true when fresh credentials were
     * obtained and one retry is worthwhile (IAM: the cached token is dropped).
     */
    default boolean refreshAfterUnauthorized(Map<String, String> sentHeaders) {
        return false;
    }
}
