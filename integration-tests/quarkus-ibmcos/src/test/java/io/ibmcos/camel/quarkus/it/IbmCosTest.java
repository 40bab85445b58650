package io.ibmcos.camel.quarkus.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The extension against the emulator Dev Service (nothing configured but the buckets to create). {@code IbmCosIT}
 * runs the same tests against the packaged application.
 */
@QuarkusTest
class IbmCosTest {

    static final String BUCKET = "it-bucket";

    @Test
    void devServiceInjectsEndpointAndIamCredentials() {
        given().get("/ibmcos/config").then().statusCode(200)
                .body("endpointUrl", startsWith("http://127.0.0.1:"))
                .body("credentialType", equalTo("IAM"))
                .body("apiKeyInjected", equalTo(true));
    }

    @Test
    void putGetCopyDelete() {
        String key = unique("small") + ".txt";
        given().body("hello quarkus").put("/ibmcos/{b}/object/{k}", BUCKET, key).then().statusCode(200)
                .body("eTag", equalTo(md5Hex("hello quarkus")));
        given().get("/ibmcos/{b}/object/{k}", BUCKET, key).then().statusCode(200).body(equalTo("hello quarkus"));

        given().queryParam("to", key + ".copy").post("/ibmcos/{b}/copy/{k}", BUCKET, key).then().statusCode(200);
        given().get("/ibmcos/{b}/object/{k}", BUCKET, key + ".copy").then().body(equalTo("hello quarkus"));

        given().delete("/ibmcos/{b}/object/{k}", BUCKET, key).then().statusCode(200);
        given().queryParam("prefix", key).get("/ibmcos/{b}/list", BUCKET).then().statusCode(200)
                .body("objects.key", equalTo(List.of(key + ".copy")));
    }

    @Test
    void multipartUploadRoundTrips() {
        String key = unique("multipart") + ".bin";
        JsonPath up = given().queryParam("mib", 11).put("/ibmcos/{b}/multipart/{k}", BUCKET, key)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, up.getInt("partCount"), "11 MiB in 5 MiB parts");
        given().get("/ibmcos/{b}/digest/{k}", BUCKET, key).then().statusCode(200)
                .body("size", equalTo(11 * 1024 * 1024))
                .body("md5", equalTo(up.getString("md5")));
    }

    @Test
    void listingPagesWithContinuationTokens() {
        String prefix = unique("page") + "/";
        for (int i = 0; i < 5; i++) {
            given().body("item " + i).put("/ibmcos/{b}/object/{k}", BUCKET, prefix + i).then().statusCode(200);
        }
        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var request = given().queryParam("prefix", prefix).queryParam("maxKeys", 2);
            if (token != null) {
                request.queryParam("token", token);
            }
            JsonPath page = request.get("/ibmcos/{b}/list", BUCKET).then().statusCode(200).extract().jsonPath();
            List<String> pageKeys = page.getList("objects.key");
            assertTrue(pageKeys.size() <= 2, "maxKeys honoured");
            keys.addAll(pageKeys);
            token = page.getBoolean("truncated") ? page.getString("nextToken") : null;
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4), keys);
    }

    @Test
    void consumerDeliversEachNewObjectOnce() {
        String first = unique("consumed");
        String second = unique("consumed");
        given().body("one").put("/ibmcos/{b}/object/{k}", "it-consumed", first).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed().contains(first));
        // the second object is only seen by a later poll, which lists the first one again: it must not redeliver it
        given().body("two").put("/ibmcos/{b}/object/{k}", "it-consumed", second).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed().contains(second));
        List<String> ours = consumed().stream().filter(k -> k.equals(first) || k.equals(second)).toList();
        assertEquals(List.of(first, second), ours);
    }

    @Test
    void legalHoldAndExtendRetention() {
        String bucket = "it-worm-" + UUID.randomUUID().toString().substring(0, 8);
        given().queryParam("min", 1).queryParam("default", 2).queryParam("max", 30)
                .post("/ibmcos/{b}/protected", bucket).then().statusCode(200);
        given().body("record").put("/ibmcos/{b}/object/{k}", bucket, "record.txt").then().statusCode(200);

        given().queryParam("id", "case-1").post("/ibmcos/{b}/legal-hold/{k}", bucket, "record.txt")
                .then().statusCode(200);
        given().get("/ibmcos/{b}/legal-hold/{k}", bucket, "record.txt").then().statusCode(200)
                .body("legalHolds", hasSize(1))
                .body("legalHolds[0].id", equalTo("case-1"))
                .body("retentionPeriod", equalTo(2 * 86400));

        given().queryParam("seconds", 86400).post("/ibmcos/{b}/extend-retention/{k}", bucket, "record.txt")
                .then().statusCode(200).body("retentionPeriod", equalTo(3 * 86400));
    }

    @Test
    void componentHealthChecksReachReadiness() {
        // Camel Quarkus folds Camel's checks into camel-consumers / camel-producers and details only failing ones: a
        // producer on a missing bucket makes the ibmcos producer check (HEAD bucket) report its bucket and COS error
        String missing = unique("it-missing");
        given().get("/ibmcos/{b}/list", missing).then().statusCode(500);
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'camel-consumers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'camel-producers' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'camel-producers' }.data.bucket", equalTo(missing))
                .body("checks.find { it.name == 'camel-producers' }.data['service.error.code']", equalTo("NoSuchBucket"));
    }

    private static List<String> consumed() {
        return given().get("/ibmcos/consumed").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
