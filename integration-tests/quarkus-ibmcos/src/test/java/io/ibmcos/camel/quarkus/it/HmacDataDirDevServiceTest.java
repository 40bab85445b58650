package io.ibmcos.camel.quarkus.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Dev Service's other settings: HMAC credentials instead of IAM, and objects kept in a data directory on disk.
 * A different configuration, so Quarkus starts a second emulator for this profile.
 */
@QuarkusTest
@TestProfile(HmacDataDirDevServiceTest.HmacOnDisk.class)
class HmacDataDirDevServiceTest {

    static final Path DATA_DIR = Path.of("target", "devservices-hmac-data").toAbsolutePath();

    @Test
    void hmacCredentialsAndDataDirectory() throws IOException {
        given().get("/ibmcos/config").then().statusCode(200)
                .body("endpointUrl", startsWith("http://127.0.0.1:"))
                .body("credentialType", equalTo("HMAC"))
                .body("apiKeyInjected", equalTo(false));

        given().body("kept on disk").put("/ibmcos/{b}/object/{k}", "it-bucket", "on-disk.txt").then().statusCode(200);
        given().get("/ibmcos/{b}/object/{k}", "it-bucket", "on-disk.txt").then().body(equalTo("kept on disk"));
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            assertTrue(files.anyMatch(p -> p.toString().contains("it-bucket")),
                    "the pre-created bucket lives in the data directory " + DATA_DIR);
        }
    }

    public static class HmacOnDisk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.camel.ibmcos.devservices.credential-type", "HMAC",
                    "quarkus.camel.ibmcos.devservices.data-dir", DATA_DIR.toString());
        }
    }
}
