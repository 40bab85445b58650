package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.model.Payload;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Turns a message body into an upload {@link Payload}, with a known length wherever one can be had without reading
 * the data: files are read by offset, strings and byte arrays are already in memory, a stream cache knows its size,
 * and an InputStream takes its length from header CamelIbmCosContentLength. A stream of unknown length is never read
 * into memory here: it goes to the multipart path, which holds one bounded buffer.
 */
public final class PayloadResolver {

    /** The payload, and the local file it came from when {@code deleteAfterWrite} may delete one. */
    public record ResolvedPayload(Payload payload, Path localFile) {
    }

    private PayloadResolver() {
    }

    public static ResolvedPayload resolve(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof WrappedFile<?> wrapped) {
            // file-like components (file, ftp with a local work dir): upload the local file when there is one
            Object file = wrapped.getFile();
            body = file instanceof File || file instanceof Path ? file : wrapped.getBody();
        }
        try {
            if (body == null) {
                throw new IllegalArgumentException("putObject needs a message body (String, byte[], InputStream, File "
                        + "or Path)");
            }
            if (body instanceof File f) {
                return new ResolvedPayload(Payload.ofFile(f.toPath()), f.toPath());
            }
            if (body instanceof Path p) {
                return new ResolvedPayload(Payload.ofFile(p), p);
            }
            if (body instanceof byte[] bytes) {
                return new ResolvedPayload(Payload.ofBytes(bytes), null);
            }
            if (body instanceof String s) {
                return new ResolvedPayload(Payload.ofBytes(s.getBytes(charset(exchange))), null);
            }
            if (body instanceof StreamCache cache && body instanceof InputStream in) {
                cache.reset();
                return new ResolvedPayload(Payload.ofStream(in, cache.length()), null);
            }
            if (body instanceof InputStream in) {
                Long length = exchange.getMessage().getHeader(IbmCosConstants.CONTENT_LENGTH, Long.class);
                return new ResolvedPayload(Payload.ofStream(in, length != null && length >= 0 ? length : -1), null);
            }
            // any other type (a POJO with a converter, a Reader...) is in memory already: convert it to bytes
            byte[] bytes = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
            return new ResolvedPayload(Payload.ofBytes(bytes), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the body to upload: " + e.getMessage(), e);
        } catch (NoTypeConversionAvailableException e) {
            throw new IllegalArgumentException("putObject cannot upload a body of type " + body.getClass().getName()
                    + ": use String, byte[], InputStream, File or Path", e);
        }
    }

    private static Charset charset(Exchange exchange) {
        String name = exchange.getProperty(Exchange.CHARSET_NAME, String.class);
        return name != null ? Charset.forName(name) : StandardCharsets.UTF_8;
    }
}
