package io.ibmcos.kamelets;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.emulator.CosEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Kamelets run in a plain CamelContext against the local COS emulator. The kamelets come from the classpath
 * ({@code classpath:kamelets}, the jar's own resources after filtering); camel-kamelet and camel-yaml-dsl load them.
 *
 * <p>The emulator's credentials contain characters URIs reserve ({@code + / = & %}): every kamelet test therefore
 * proves that secrets given as {@code camel.kamelet.<name>.<property>} properties arrive intact. Each test uses its own
 * bucket, and adds its routes itself after setting the properties it needs.
 */
abstract class KameletRuntimeTestSupport extends CamelTestSupport {

    static final String ACCESS_KEY = "kamelet-access";
    /** Every character URIs reserve that broke secrets in Apache's kamelets. */
    static final String SECRET_KEY = "s3cr+t/with=and&and%25%";
    static final String API_KEY = "api+key/x=y&z%41%";

    static CosEmulator emulator;
    static CosClient cos;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @BeforeAll
    static void startEmulator() {
        emulator = CosEmulator.builder().port(0).hmacCredentials(ACCESS_KEY, SECRET_KEY).apiKey(API_KEY).start();
        cos = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(ACCESS_KEY, SECRET_KEY)).build());
    }

    @AfterAll
    static void stopEmulator() {
        if (cos != null) {
            cos.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void resetStats() {
        emulator.stats().reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // routes are added by each test, after its properties are set
            }
        };
    }

    /** A new bucket, created in the emulator. */
    static String newBucket() {
        String bucket = freshBucketName();
        cos.createBucket(CreateBucketRequest.of(bucket));
        return bucket;
    }

    /** A bucket name nobody has used (not created). */
    static String freshBucketName() {
        return "kamelets-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** Sets {@code camel.kamelet.<kamelet>.<property>} for every instance of the kamelet. */
    void kameletProperty(String kamelet, String property, Object value) {
        PropertiesComponent pc = context.getPropertiesComponent();
        pc.addInitialProperty("camel.kamelet." + kamelet + "." + property, String.valueOf(value));
    }

    /** Endpoint and HMAC credentials of the emulator, as properties of the kamelet. */
    void hmacConnection(String kamelet) {
        kameletProperty(kamelet, "endpointUrl", emulator.endpoint());
        kameletProperty(kamelet, "accessKey", ACCESS_KEY);
        kameletProperty(kamelet, "secretKey", SECRET_KEY);
    }

    /** Endpoint, IAM endpoint and API key of the emulator, as properties of the kamelet. */
    void iamConnection(String kamelet) {
        kameletProperty(kamelet, "endpointUrl", emulator.endpoint());
        kameletProperty(kamelet, "iamEndpoint", emulator.iamEndpoint());
        kameletProperty(kamelet, "apiKey", API_KEY);
    }

    void addRoutes(RouteBuilder builder) throws Exception {
        context.addRoutes(builder);
    }

    static void putObject(String bucket, String key, String text) {
        putObject(bucket, key, text, null);
    }

    static void putObject(String bucket, String key, String text, String contentType) {
        cos.putObject(PutObjectRequest.of(bucket, key, Payload.ofBytes(text.getBytes(StandardCharsets.UTF_8)))
                .withHeaders(ObjectHeaders.builder().contentType(contentType).build()));
    }

    static String readObject(String bucket, String key) {
        try (GetObjectResponse r = cos.getObject(GetObjectRequest.of(bucket, key)); InputStream in = r.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Long> stats() {
        return emulator.stats().snapshot();
    }
}
