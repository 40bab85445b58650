package io.ibmcos.kamelets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in COS endpoint that records what arrives on the wire (Host, path, query, Authorization) and answers
 * every request with a minimal success: an empty listing for ListObjectsV2, 200 with an ETag otherwise. Used where the
 * emulator cannot show a property: the signature scope (location) and the addressing style (forcePathStyle).
 */
final class RecordingServer implements AutoCloseable {

    record Request(String method, String host, String path, String query, String authorization) {
    }

    private static final String EMPTY_LISTING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name><Prefix></Prefix>"
            + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>";

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestURI().getRawPath(), query,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            if (query != null && query.contains("list-type=2")) {
                byte[] xml = EMPTY_LISTING.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, xml.length);
                exchange.getResponseBody().write(xml);
            } else {
                exchange.getResponseHeaders().add("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
                exchange.sendResponseHeaders(200, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
