package io.ibmcos.client.auth;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** {@link IamTokenClient} over {@code java.net.http.HttpClient}. */
public final class JdkIamTokenClient implements IamTokenClient {

    /** Connect timeout of the client created by the no-arg constructor. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private volatile HttpClient httpClient;

    /**
     * Uses a dedicated HttpClient with a 10 s connect timeout that follows no redirects, created on first use
     * (so constructing this object starts no threads, which keeps it safe in a native-image heap).
     */
    public JdkIamTokenClient() {
    }

    /** Uses the given client (proxy, TLS and connect timeout are the caller's choice). */
    public JdkIamTokenClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    }

    private HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client == null) {
            synchronized (this) {
                client = httpClient;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(CONNECT_TIMEOUT)
                            // A redirect would re-send the API key to wherever it points: never follow one.
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    httpClient = client;
                }
            }
        }
        return client;
    }

    @Override
    public IamHttpResponse post(URI url, Map<String, String> headers, String formBody, Duration timeout)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (timeout != null) {
            request.timeout(timeout);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new IamHttpResponse(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("Interrupted while waiting for IAM at " + url);
            io.initCause(e);
            throw io;
        }
    }

    @Override
    public String toString() {
        return "JdkIamTokenClient";
    }
}
