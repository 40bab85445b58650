package io.ibmcos.camel.integration;

import io.ibmcos.emulator.CosEmulator;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** The two servers the component is tested against, both in-process on 127.0.0.1 with a random port. */
final class CosServers {

    /** Secrets with characters that need RAW(...) in a URI. */
    static final String EMULATOR_ACCESS_KEY = "it-access-key";
    static final String EMULATOR_SECRET_KEY = "it+secret/key=with&odd%chars";
    static final String EMULATOR_API_KEY = "it+api/key=with&odd%chars";
    static final String EMULATOR_INSTANCE = "it-service-instance";

    static final String S3PROXY_ACCESS_KEY = "s3proxy-it-access";
    static final String S3PROXY_SECRET_KEY = "s3proxy-it-secret/with+chars=";

    private CosServers() {
    }

    static CosEmulator startEmulator() throws Exception {
        return CosEmulator.builder().port(0).hmacCredentials(EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY)
                .apiKey(EMULATOR_API_KEY).serviceInstanceId(EMULATOR_INSTANCE).start();
    }

    /** S3Proxy 2.6.0 with jclouds' in-memory store, verifying SigV4 (V2 or V4). */
    static final class S3ProxyServer implements AutoCloseable {
        private final S3Proxy proxy;
        private final BlobStoreContext store;

        S3ProxyServer() throws Exception {
            store = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                    .overrides(new Properties()).build(BlobStoreContext.class);
            proxy = S3Proxy.builder().blobStore(store.getBlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3PROXY_ACCESS_KEY, S3PROXY_SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:0")).build();
            proxy.start();
            // start() returns before Jetty has bound its port; wait for the state, bounded
            for (int i = 0; i < 6000 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(5);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + proxy.getPort());
        }

        @Override
        public void close() throws Exception {
            proxy.stop();
            store.close();
        }
    }
}
