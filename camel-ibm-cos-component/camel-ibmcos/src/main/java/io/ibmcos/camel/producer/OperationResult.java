package io.ibmcos.camel.producer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Message;

/**
 * What an operation hands back to the producer: an optional new body and the headers to set. Handlers never touch the
 * message themselves, so each one can be read (and tested) as "request in, result out".
 */
public final class OperationResult {

    private final boolean replacesBody;
    private final Object body;
    private final Map<String, Object> headers = new LinkedHashMap<>();
    private final Set<String> removedHeaders = new LinkedHashSet<>();

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

    /** Removes a header the request carried in that would be wrong on the reply (a spent continuation token). */
    public OperationResult withoutHeader(String name) {
        headers.remove(name);
        removedHeaders.add(name);
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

    public Set<String> removedHeaders() {
        return Collections.unmodifiableSet(removedHeaders);
    }

    public void applyTo(Message message) {
        if (replacesBody) {
            message.setBody(body);
        }
        removedHeaders.forEach(message::removeHeader);
        headers.forEach(message::setHeader);
    }
}
