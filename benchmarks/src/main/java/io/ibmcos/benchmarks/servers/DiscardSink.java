package io.ibmcos.benchmarks.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A minimal S3 "server" that drains request bodies and answers with valid S3 responses (see {@link DiscardHandler}),
 * so a benchmark against it measures the client alone. It keeps nothing and checks no signature; its part ETags
 * are made up, so clients that compare an ETag with the MD5 of what they sent must have that check disabled.
 */
public final class DiscardSink implements BenchServer {

    /**
     * Body chunks handed to the handler: large, so a 16 MiB part is a few dozen reads rather than 2048 of
     * Netty's default 8 KiB.
     */
    private static final int MAX_CHUNK = 1024 * 1024;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private DiscardSink(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    public static DiscardSink start() {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors());
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec(new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK)))
                                    // IBM's SDK sends Expect: 100-continue on uploads and waits for the 100
                                    .addLast(new HttpServerExpectContinueHandler())
                                    .addLast(new DiscardHandler());
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            return new DiscardSink(boss, workers, channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(boss, workers);
            throw new IllegalStateException("Interrupted while starting the discard sink", e);
        } catch (RuntimeException e) {
            shutdown(boss, workers);
            throw e;
        }
    }

    @Override
    public String name() {
        return "discard";
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
    }

    @Override
    public String accessKey() {
        return "discard-access";
    }

    @Override
    public String secretKey() {
        return "discard-secret";
    }

    @Override
    public boolean discards() {
        return true;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        shutdown(boss, workers);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
