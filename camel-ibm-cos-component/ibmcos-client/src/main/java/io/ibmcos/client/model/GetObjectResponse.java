package io.ibmcos.client.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An open download: metadata plus the streaming body. The caller must close it (or the stream), otherwise the
 * HTTP connection stays leased.
 */
public record GetObjectResponse(ObjectMetadata metadata, InputStream content) implements AutoCloseable {

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
