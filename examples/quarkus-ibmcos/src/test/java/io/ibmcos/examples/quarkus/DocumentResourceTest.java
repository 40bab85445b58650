package io.ibmcos.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The example as a user drives it, against the emulator Dev Service. */
@QuarkusTest
class DocumentResourceTest {

    @Test
    void uploadStoresMetadataAndRetention() {
        given().contentType("text/plain").header("X-Uploaded-By", "alice").body("invoice 42")
                .queryParam("retentionDays", 30)
                .post("/documents/{key}", "invoices/42.txt")
                .then().statusCode(200).body("key", equalTo("invoices/42.txt")).body("size", equalTo(10));

        given().get("/documents/{key}", "invoices/42.txt").then().statusCode(200)
                .body("size", equalTo(10))
                .body("contentType", startsWith("text/plain"))
                .body("metadata.uploaded-by", equalTo("alice"))
                .body("retentionPeriodSeconds", equalTo(30 * 86400));
    }

    @Test
    void negativeRetentionIsRejectedBeforeAnyUpload() {
        given().body("x").queryParam("retentionDays", -1).post("/documents/{key}", "bad.txt")
                .then().statusCode(400);
        given().get("/documents/{key}", "bad.txt").then().statusCode(502);
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
