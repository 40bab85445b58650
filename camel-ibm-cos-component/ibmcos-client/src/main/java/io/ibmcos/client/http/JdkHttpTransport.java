package io.ibmcos.client.http;

import io.ibmcos.client.model.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@link HttpTransport} over {@code java.net.http.HttpClient}, forced to HTTP/1.1 (COS speaks 1.1, and the h2c
 * upgrade attempt on plain http confuses some S3 servers). Bodies with a known length go with Content-Length:
 * COS rejects chunked transfer-encoding unless it is aws-chunked.
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;
    private final boolean owned;

    public JdkHttpTransport(Duration connectTimeout) {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), true);
    }

    /** Uses a caller's client; it is not closed by {@link #close()}. */
    public JdkHttpTransport(HttpClient client) {
        this(client, false);
    }

    private JdkHttpTransport(HttpClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(request.method(), publisher(request.payload()));
        if (request.timeout() != null) {
            builder.timeout(request.timeout());
        }
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            builder.header(h.getKey(), h.getValue());
        }
        HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new TransportResponse(response.statusCode(), response.headers().map(), response.body());
    }

    private static HttpRequest.BodyPublisher publisher(Payload payload) {
        if (payload == null || payload.length() == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (!(payload instanceof Payload.Stream)) {
            return HttpRequest.BodyPublishers.fromPublisher(new PayloadPublisher(payload), payload.length());
        }
        HttpRequest.BodyPublisher streaming = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return payload.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (payload.length() < 0) {
            // only reached for callers that accept chunked transfer (not COS object uploads)
            return streaming;
        }
        return HttpRequest.BodyPublishers.fromPublisher(streaming, payload.length());
    }

    @Override
    public void close() {
        if (owned) {
            // HttpClient gained close() only in Java 21; on 17 its threads end when it is unreachable
            closeIfSupported(client);
        }
    }

    private static void closeIfSupported(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort on shutdown
            }
        }
    }
}
