package io.ibmcos.emulator.server;

import io.ibmcos.emulator.admin.FaultRule;
import io.ibmcos.emulator.auth.AuthResult;
import io.ibmcos.emulator.ops.Call;
import io.ibmcos.emulator.ops.OperationHandler;
import io.ibmcos.emulator.ops.RequestBody;
import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.Operation;
import io.ibmcos.emulator.protocol.RequestHead;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Router;
import io.ibmcos.emulator.storage.BlobWriter;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request from head to response. The head is routed, authenticated and matched against fault rules before
 * any body byte arrives; the body is then streamed through a {@link BodyPipeline}; the response is produced when
 * the body is complete. An error found early is remembered and the rest of the body is drained, so the client
 * always receives the error (S3 behaves the same for small bodies).
 */
final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    private final EmulatorCore core;
    private final String requestId = UUID.randomUUID().toString();
    private RequestHead head;
    private Operation operation;
    private AuthResult auth;
    private OperationHandler handler;
    private BodyPipeline pipeline;
    private FaultRule fault;
    private CosException error;
    private long rawBytes;

    Exchange(EmulatorCore core, HttpRequest request) {
        this.core = core;
        try {
            begin(request);
        } catch (CosException e) {
            fail(e);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Request setup failed", e);
            fail(new CosException(500, "InternalError", "We encountered an internal error. Please try again."));
        }
    }

    private void begin(HttpRequest request) throws IOException {
        String uri = request.uri();
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int slash = uri.indexOf('/', uri.indexOf("//") + 2);
            uri = slash < 0 ? "/" : uri.substring(slash);
        }
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? null : uri.substring(q + 1);
        String method = request.method().name();
        String vhBucket = core.addressing().virtualHostBucket(request.headers().get("Host"));
        Operation special = vhBucket == null ? Router.special(method, rawPath, rawQuery) : null;
        String bucket = null;
        String key = null;
        if (vhBucket != null) {
            bucket = vhBucket;
            key = rawPath.length() > 1 ? Codec.percentDecode(rawPath.substring(1), false) : null;
        } else if (special == null && rawPath.length() > 1) {
            int slash = rawPath.indexOf('/', 1);
            bucket = Codec.percentDecode(slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash), false);
            String rest = slash < 0 ? "" : rawPath.substring(slash + 1);
            key = rest.isEmpty() ? null : Codec.percentDecode(rest, false);
        }
        head = new RequestHead(method, rawPath, rawQuery, request.headers(), bucket, key, requestId);
        operation = special != null ? special : Router.route(head);
        if (operation != Operation.Admin) {
            core.stats().increment(operation.name());
        }
        auth = core.authenticator().authenticate(head, operation);
        handler = core.dispatcher().handler(operation);
        if (operation != Operation.Admin) {
            fault = core.faults().match(operation.name(), key);
        }
        if (fault != null && fault.status() != null) {
            throw new CosException(fault.status(), fault.code(), fault.message());
        }
        handler.precheck(head);
        BlobWriter writer = operation.bodyStreamed() ? core.storage().newBlob() : null;
        try {
            pipeline = new BodyPipeline(head, auth, writer);
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.abort();
            }
            throw e;
        }
    }

    private void fail(CosException e) {
        error = e;
        if (pipeline != null) {
            pipeline.abort();
            pipeline = null;
        }
    }

    /** Feeds body bytes; returns false when an injected fault says the connection must be reset now. */
    boolean content(ByteBuf data) {
        rawBytes += data.readableBytes();
        if (error == null && pipeline != null) {
            try {
                pipeline.feed(data);
            } catch (CosException e) {
                fail(e);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Receiving the body of {} {} failed", head.method(), head.rawPath(), e);
                fail(new CosException(500, "InternalError", "We encountered an internal error. Please try again."));
            }
        }
        return fault == null || fault.resetAfterBytes() == null || rawBytes < fault.resetAfterBytes();
    }

    /** Whether the request already failed before its body (so a client waiting for 100 Continue can get the error now). */
    boolean failedEarly() {
        return error != null;
    }

    /** Whether the connection must be reset before any body byte (resetAfterBytes = 0 on a bodiless request). */
    boolean resetBeforeBody() {
        return fault != null && fault.resetAfterBytes() != null && fault.resetAfterBytes() == 0;
    }

    Response finish() {
        if (error == null) {
            RequestBody body = null;
            try {
                body = pipeline.finish();
                pipeline = null;
                return handler.handle(new Call(head, auth, body, core.clock().instant()));
            } catch (CosException e) {
                discard(body);
                fail(e);
            } catch (IOException | RuntimeException e) {
                discard(body);
                LOG.warn("{} {} failed", head.method(), head.rawPath(), e);
                fail(new CosException(500, "InternalError", "We encountered an internal error. Please try again."));
            }
        }
        return Response.error(error, head, requestId);
    }

    private void discard(RequestBody body) {
        if (body != null && body.blob() != null) {
            core.storage().discard(List.of(body.blob()));
        }
    }

    /** The connection went away mid-request: nothing of this body may become visible. */
    void abort() {
        if (pipeline != null) {
            pipeline.abort();
            pipeline = null;
        }
    }

    long latencyMillis() {
        return fault == null || fault.latencyMillis() == null ? 0 : fault.latencyMillis();
    }

    String requestId() {
        return requestId;
    }

    boolean isHead() {
        return head != null && head.isHead();
    }
}
