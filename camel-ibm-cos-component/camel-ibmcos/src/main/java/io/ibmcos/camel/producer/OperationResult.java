package io.ibmcos.camel.producer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Message;

/**
 * What an operation hands back to the producer: an optional new body and the headers to set. Handlers never touch the
 * message themselves, so each one can be read (and tested) as "request in, result out".
 */
public final class OperationResult {

    private final boolean replacesBody;
    private final Object body;
    private final Map<String, Object> headers = new LinkedHashMap<>();

    private OperationResult(boolean replacesBody, Object body) {
        this.replacesBody = replacesBody;
        this.body = body;
    }

    /** The result becomes the message body. */
    public static OperationResult of(Object body) {
        return new OperationResult(true, body);
    }

    /** The message body stays as it was (putObject, deletes): only headers are set. */
    public static OperationResult keepBody() {
        return new OperationResult(false, null);
    }

    /** Adds a header; null values are skipped so absent metadata does not clear a header the route set. */
    public OperationResult withHeader(String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public boolean replacesBody() {
        return replacesBody;
    }

    public Object body() {
        return body;
    }

    public Map<String, Object> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public void applyTo(Message message) {
        if (replacesBody) {
            message.setBody(body);
        }
        headers.forEach(message::setHeader);
    }
}
