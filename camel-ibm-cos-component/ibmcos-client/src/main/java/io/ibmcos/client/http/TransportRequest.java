package io.ibmcos.client.http;

import io.ibmcos.client.model.Payload;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A fully built, authenticated request. {@code headers} never contain {@code Host} or {@code Content-Length}:
 * the transport derives them from the URI and the payload length.
 *
 * @param payload body or null for none
 * @param timeout limit until response headers arrive, or null for none
 */
public record TransportRequest(String method, URI uri, Map<String, String> headers, Payload payload,
        Duration timeout) {

    @Override
    public String toString() {
        // headers hold the Authorization value: never print them
        return method + " " + uri.getRawPath();
    }
}
