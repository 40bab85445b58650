package io.ibmcos.benchmarks.servers;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers one request per HTTP exchange once its body has been drained (body chunks are released as they arrive:
 * nothing is kept). Only the responses the benchmark's clients need: create bucket, head bucket, put object,
 * create/upload part/list parts/complete/abort multipart upload, delete object, and harmless defaults for
 * anything else.
 */
final class DiscardHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final AtomicLong ETAGS = new AtomicLong();

    private HttpRequest request;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg.decoderResult().isFailure()) {
            FullHttpResponse bad = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
            HttpUtil.setContentLength(bad, 0);
            ctx.writeAndFlush(bad).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (msg instanceof HttpRequest r) {
            request = r;
        }
        // HttpContent bodies are released by SimpleChannelInboundHandler after this method: that is the "discard"
        if (msg instanceof LastHttpContent && request != null) {
            HttpRequest done = request;
            request = null;
            FullHttpResponse response = respond(done);
            response.headers().set("x-amz-request-id", Long.toHexString(ETAGS.incrementAndGet()));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(done);
            HttpUtil.setKeepAlive(response, keepAlive);
            var future = ctx.writeAndFlush(response);
            if (!keepAlive) {
                future.addListener(ChannelFutureListener.CLOSE);
            }
        } else if (!(msg instanceof HttpContent) && !(msg instanceof HttpRequest)) {
            ctx.close();
        }
    }

    private static FullHttpResponse respond(HttpRequest r) {
        QueryStringDecoder uri = new QueryStringDecoder(r.uri());
        String path = uri.path().startsWith("/") ? uri.path().substring(1) : uri.path();
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 ? "" : path.substring(slash + 1);
        var query = uri.parameters();
        HttpMethod method = r.method();

        if (HttpMethod.POST.equals(method) && query.containsKey("uploads")) {
            return xml(S3Xml.initiateMultipartUpload(bucket, key, "discard-" + ETAGS.incrementAndGet()));
        }
        if (HttpMethod.POST.equals(method) && query.containsKey("uploadId")) {
            return xml(S3Xml.completeMultipartUpload(bucket, key, etag().replace("\"", "") + "-1"));
        }
        if (HttpMethod.PUT.equals(method) && !key.isEmpty()) {
            // UploadPart and PutObject: any quoted hex is a well-formed ETag
            FullHttpResponse ok = empty(HttpResponseStatus.OK);
            ok.headers().set(HttpHeaderNames.ETAG, etag());
            return ok;
        }
        if (HttpMethod.DELETE.equals(method)) {
            return empty(HttpResponseStatus.NO_CONTENT);
        }
        if (HttpMethod.GET.equals(method) && query.containsKey("uploadId")) {
            return xml(S3Xml.emptyPartListing(bucket, key, query.get("uploadId").get(0)));
        }
        if (HttpMethod.GET.equals(method) && query.containsKey("location")) {
            return xml(S3Xml.locationConstraint());
        }
        if (HttpMethod.GET.equals(method) && key.isEmpty() && !bucket.isEmpty()) {
            return xml(S3Xml.emptyListing(bucket));
        }
        // PUT bucket, HEAD bucket/object and the rest: a plain 200
        return empty(HttpResponseStatus.OK);
    }

    private static String etag() {
        return "\"" + String.format("%032x", ETAGS.incrementAndGet()) + "\"";
    }

    private static FullHttpResponse empty(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
    }

    private static FullHttpResponse xml(String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/xml");
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a client that gave up mid-body (e.g. a cancelled upload): nothing to report, just drop the connection
        ctx.close();
    }
}
