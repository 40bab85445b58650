package io.ibmcos.camel.quarkus.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.emulator.CosEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application that names its own COS endpoint gets no Dev Service: the component talks to that endpoint, with the
 * configured HMAC credentials, and none of the Dev Service's IAM settings appear in the configuration.
 */
@QuarkusTest
@TestProfile(ExplicitEndpointTest.OwnEndpoint.class)
class ExplicitEndpointTest {

    @Test
    void explicitEndpointDisablesDevServices() {
        CosEmulator own = OwnEndpoint.emulator();
        given().get("/ibmcos/config").then().statusCode(200)
                .body("endpointUrl", equalTo(own.endpoint().toString()))
                .body("credentialType", equalTo("null"))
                .body("apiKeyInjected", equalTo(false));

        given().body("to my own endpoint").put("/ibmcos/{b}/object/{k}", "it-bucket", "explicit.txt")
                .then().statusCode(200);
        try (CosClient client = OwnEndpoint.client()) {
            assertEquals("to my own endpoint", new String(readAll(client), StandardCharsets.UTF_8));
        }
    }

    private static byte[] readAll(CosClient client) {
        try (GetObjectResponse response = client.getObject(GetObjectRequest.of("it-bucket", "explicit.txt"))) {
            return response.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an emulator of its own (not a Dev Service) and points the application at it. */
    public static class OwnEndpoint implements QuarkusTestProfile {

        private static CosEmulator emulator;

        static synchronized CosEmulator emulator() {
            if (emulator == null) {
                emulator = CosEmulator.builder().port(0).start();
                try (CosClient client = client()) {
                    client.createBucket(CreateBucketRequest.of("it-bucket"));
                    client.createBucket(CreateBucketRequest.of("it-consumed"));
                }
            }
            return emulator;
        }

        static CosClient client() {
            return new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                    .credentials(new HmacCredentials(emulator.accessKey(), emulator.secretKey())).build());
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            CosEmulator cos = emulator();
            return Map.of(
                    "camel.component.ibmcos.endpoint-url", cos.endpoint().toString(),
                    "camel.component.ibmcos.access-key", cos.accessKey(),
                    "camel.component.ibmcos.secret-key", cos.secretKey());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StopEmulator.class));
        }
    }

    /** Stops the profile's emulator when Quarkus stops this profile's application. */
    public static class StopEmulator implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of();
        }

        @Override
        public void stop() {
            synchronized (OwnEndpoint.class) {
                if (OwnEndpoint.emulator != null) {
                    OwnEndpoint.emulator.close();
                    OwnEndpoint.emulator = null;
                }
            }
        }
    }
}
