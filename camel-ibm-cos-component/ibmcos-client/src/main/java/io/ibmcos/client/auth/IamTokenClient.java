package io.ibmcos.client.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP call the token manager needs: a form POST to IAM. An interface so tests can stub IAM and so a
 * caller can route IAM through its own HTTP stack (proxy, TLS settings).
 */
@FunctionalInterface
public interface IamTokenClient {

    /**
     * POSTs {@code formBody} ({@code application/x-www-form-urlencoded}) to {@code url}.
     *
     * @return the status and body of any HTTP answer, including errors
     * @throws IOException when no HTTP answer arrived (connection failure, timeout, interruption)
     */
    IamHttpResponse post(URI url, Map<String, String> headers, String formBody, Duration timeout) throws IOException;
}
