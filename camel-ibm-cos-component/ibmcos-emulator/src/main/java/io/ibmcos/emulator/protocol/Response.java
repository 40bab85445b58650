package io.ibmcos.emulator.protocol;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response to write: status, headers and content as Netty messages (ByteBuf or FileRegion) so that object
 * bodies go out without being copied. For HEAD the content list stays empty while Content-Length describes the
 * body a GET would return.
 */
public final class Response {
    private final int status;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private final List<Object> content = new ArrayList<>();
    private long contentLength;

    private Response(int status) {
        this.status = status;
    }

    public static Response status(int status) {
        return new Response(status);
    }

    public static Response ok() {
        return new Response(200);
    }

    public static Response noContent() {
        return new Response(204);
    }

    public static Response xml(int status, byte[] body) {
        Response r = new Response(status).header("Content-Type", "application/xml");
        r.content.add(Unpooled.wrappedBuffer(body));
        r.contentLength = body.length;
        return r;
    }

    public static Response json(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Response r = new Response(status).header("Content-Type", "application/json");
        r.content.add(Unpooled.wrappedBuffer(bytes));
        r.contentLength = bytes.length;
        return r;
    }

    public Response header(String name, Object value) {
        if (value != null) {
            headers.set(name, value);
        }
        return this;
    }

    /** Streams {@code parts} (ByteBuf/FileRegion messages) totalling {@code length} bytes. */
    public Response body(List<Object> parts, long length) {
        content.addAll(parts);
        contentLength = length;
        return this;
    }

    /** Declares the length of a body that is not sent (HEAD). */
    public Response declaredLength(long length) {
        contentLength = length;
        return this;
    }

    public int statusCode() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public List<Object> content() {
        return content;
    }

    public long contentLength() {
        return contentLength;
    }

    /** The IBM error document for {@code e}; for HEAD the body is left out (status only). */
    public static Response error(CosException e, RequestHead head, String requestId) {
        String resource = head == null ? "/" : head.resource();
        if (head != null && head.isHead()) {
            Response r = new Response(e.status());
            e.headers().forEach(r::header);
            return r;
        }
        byte[] body = Xml.plainDocument("Error")
                .element("Code", e.code())
                .element("Message", e.getMessage())
                .element("Resource", resource)
                .element("RequestId", requestId)
                .element("httpStatusCode", e.status())
                .finish("Error");
        Response r = xml(e.status(), body);
        e.headers().forEach(r::header);
        return r;
    }
}
