package io.ibmcos.emulator.server;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.Response;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-connection HTTP/1.1 handler: turns Netty's request head + content stream into an {@link Exchange} and
 * writes its {@link Response}. Runs on the connection's event loop; storage writes happen inline, which gives
 * natural back-pressure (the socket is not read while a chunk is being stored).
 */
final class CosChannelHandler extends SimpleChannelInboundHandler<HttpObject> {
    private static final Logger LOG = LoggerFactory.getLogger(CosChannelHandler.class);

    private final EmulatorCore core;
    private Exchange exchange;
    private boolean keepAlive;
    private boolean discarding;

    CosChannelHandler(EmulatorCore core) {
        this.core = core;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                badRequest(ctx, request.decoderResult().cause());
                return;
            }
            discarding = false;
            keepAlive = HttpUtil.isKeepAlive(request);
            exchange = new Exchange(core, request);
            if (exchange.resetBeforeBody()) {
                reset(ctx);
                return;
            }
            // answered by hand rather than with HttpServerExpectContinueHandler, which would remove the Expect header
            // that some clients sign
            if (HttpUtil.is100ContinueExpected(request)) {
                if (exchange.failedEarly()) {
                    // the client has not sent the body yet: answer with the error instead of 100 and close,
                    // rather than letting it upload (possibly gigabytes) only to be refused
                    Exchange done = exchange;
                    exchange = null;
                    discarding = true;
                    keepAlive = false;
                    write(ctx, done, done.finish());
                    return;
                }
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
        }
        if (msg instanceof HttpContent content && exchange != null && !discarding) {
            if (!exchange.content(content.content())) {
                reset(ctx);
                return;
            }
            if (msg instanceof LastHttpContent) {
                Exchange done = exchange;
                exchange = null;
                Response response = done.finish();
                long delay = done.latencyMillis();
                if (delay > 0) {
                    ctx.executor().schedule(() -> write(ctx, done, response), delay, TimeUnit.MILLISECONDS);
                } else {
                    write(ctx, done, response);
                }
            }
        }
    }

    private void write(ChannelHandlerContext ctx, Exchange done, Response r) {
        if (!ctx.channel().isActive()) {
            r.content().forEach(ReferenceCountUtil::release);
            return;
        }
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.statusCode()));
        head.headers().add(r.headers());
        head.headers().set("x-amz-request-id", done.requestId());
        head.headers().set("X-Clv-Request-Id", done.requestId());
        head.headers().set("Server", "ibmcos-emulator");
        head.headers().set("Date", HttpDates.rfc1123(core.clock().instant()));
        if (r.statusCode() != 204 && r.statusCode() != 304) {
            HttpUtil.setContentLength(head, r.contentLength());
        }
        HttpUtil.setKeepAlive(head, keepAlive);
        ctx.write(head);
        if (!done.isHead()) {
            for (Object part : r.content()) {
                ctx.write(part);
            }
        } else {
            r.content().forEach(ReferenceCountUtil::release);
        }
        var future = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Closes with a TCP RST (SO_LINGER 0), as a crashing or overloaded server would. */
    private void reset(ChannelHandlerContext ctx) {
        discarding = true;
        if (exchange != null) {
            exchange.abort();
            exchange = null;
        }
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
    }

    private void badRequest(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Undecodable request: {}", cause.toString());
        Response r = Response.error(new CosException(400, "InvalidRequest", "Malformed HTTP request"), null, "-");
        keepAlive = false;
        discarding = true;
        Exchange none = exchange;
        exchange = null;
        if (none != null) {
            none.abort();
        }
        DefaultFullHttpResponse full = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                (io.netty.buffer.ByteBuf) r.content().get(0));
        HttpUtil.setContentLength(full, r.contentLength());
        full.headers().add(r.headers());
        ctx.writeAndFlush(full).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (exchange != null) {
            exchange.abort();
            exchange = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Connection error: {}", cause.toString());
        if (exchange != null) {
            exchange.abort();
            exchange = null;
        }
        ctx.close();
    }
}
