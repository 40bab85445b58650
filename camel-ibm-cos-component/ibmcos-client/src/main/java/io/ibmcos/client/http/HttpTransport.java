package io.ibmcos.client.http;

import java.io.IOException;

/**
 * Sends one HTTP exchange. Request bodies are streamed; the response body is returned unread so downloads
 * stream too. An interface so that tests can answer without a server.
 */
public interface HttpTransport extends AutoCloseable {

    TransportResponse send(TransportRequest request) throws IOException, InterruptedException;

    @Override
    void close();
}
