package io.ibmcos.benchmarks.servers;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy 2.6.0 over jclouds' in-memory "transient" blob store, verifying SigV2/SigV4 signatures like a real S3
 * server. Its speed depends on logging being at WARN (see logback.xml).
 */
final class S3ProxyServer implements BenchServer {

    private static final String ACCESS_KEY = "bench-access";
    private static final String SECRET_KEY = "bench-secret";
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    S3ProxyServer() {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // the AWS SDK v2 sends headers S3Proxy 2.6.0 does not know (e.g. amz-sdk-*)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT_MILLIS + " ms");
                }
                Thread.sleep(5);
            }
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Cannot start S3Proxy: " + e, e);
        }
    }

    @Override
    public String name() {
        return "s3proxy";
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public String accessKey() {
        return ACCESS_KEY;
    }

    @Override
    public String secretKey() {
        return SECRET_KEY;
    }

    @Override
    public boolean discards() {
        return false;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // shutting down anyway
        }
        context.close();
    }
}
