package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.IbmCosOperation;
import io.ibmcos.emulator.CosEmulator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One emulator per test class; two real routes, {@code direct:IAM} and {@code direct:HMAC}, each ending in an
 * {@code ibmcos:} endpoint with those credentials. Tests choose the operation and bucket per message with headers,
 * the way a route that drives several operations would.
 */
abstract class IbmCosEmulatorITSupport extends CamelTestSupport {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    static CosEmulator emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = CosServers.startEmulator();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (Auth auth : Auth.values()) {
                    from("direct:" + auth).routeId("cos-" + auth)
                            .to("ibmcos:default-bucket?allowDestructiveOperationOverride=true&allowBucketOverride=true&"
                                    + auth.uriOptions(emulator))
                            // read a download inside the route: the stream is closed when the exchange completes
                            .process(IbmCosEmulatorITSupport::readDownload);
                }
            }
        };
    }

    static void readDownload(Exchange e) throws java.io.IOException {
        if (e.getMessage().getBody() instanceof java.io.InputStream in) {
            e.getMessage().setBody(in.readAllBytes());
        }
    }

    /** A fresh bucket name, unique in this JVM. */
    static String newBucket(String prefix) {
        return prefix + "-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** Request builder: {@code op(auth, bucket, operation).header(...).body(...).ok()}. */
    Call op(Auth auth, String bucket, IbmCosOperation operation) {
        return new Call(auth, bucket, operation);
    }

    final class Call {
        private final Auth auth;
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private Object body;

        Call(Auth auth, String bucket, IbmCosOperation operation) {
            this.auth = auth;
            headers.put(IbmCosConstants.OPERATION, operation);
            headers.put(IbmCosConstants.BUCKET_NAME, bucket);
        }

        Call key(String key) {
            return header(IbmCosConstants.KEY, key);
        }

        Call header(String name, Object value) {
            headers.put(name, value);
            return this;
        }

        Call body(Object value) {
            body = value;
            return this;
        }

        Exchange send() {
            return template.send("direct:" + auth, e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeaders(new LinkedHashMap<>(headers));
            });
        }

        Exchange ok() {
            Exchange e = send();
            if (e.getException() != null) {
                throw new AssertionError(headers.get(IbmCosConstants.OPERATION) + " failed: " + e.getException(),
                        e.getException());
            }
            return e;
        }

        Exception fails() {
            Exchange e = send();
            assertThat(e.getException()).as(headers.get(IbmCosConstants.OPERATION) + " should fail").isNotNull();
            return e.getException();
        }
    }
}
