package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Fault injection and counters through the admin HTTP API and the Java API. */
class FaultInjectionIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static CosEmulator cos;
    static S3Client s3;

    @BeforeAll
    static void start() {
        cos = CosEmulator.builder().start();
        // no SDK retries: every injected fault must reach the test
        s3 = S3Client.builder().endpointOverride(cos.endpoint())
                .region(Region.of("us-standard"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(cos.accessKey(), cos.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
        s3.createBucket(b -> b.bucket("faults"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        cos.close();
    }

    @BeforeEach
    void clear() throws Exception {
        assertThat(admin("DELETE", "faults", null).statusCode()).isEqualTo(204);
    }

    static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(cos.endpoint().resolve("/_emulator/" + path));
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failsThirdPartOnlyWhenSkippingTwo() throws Exception {
        HttpResponse<String> added = admin("POST", "faults",
                "{\"operation\":\"UploadPart\",\"count\":1,\"skip\":2,\"status\":500,\"code\":\"InternalError\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        String id = s3.createMultipartUpload(b -> b.bucket("faults").key("mp")).uploadId();
        for (int part = 1; part <= 4; part++) {
            int n = part;
            if (part == 3) {
                assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket("faults").key("mp").uploadId(id).partNumber(n),
                        RequestBody.fromString("p")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(500);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                        });
            } else {
                s3.uploadPart(b -> b.bucket("faults").key("mp").uploadId(id).partNumber(n), RequestBody.fromString("p"));
            }
        }
        assertThat(s3.listParts(b -> b.bucket("faults").key("mp").uploadId(id)).parts()).extracting(p -> p.partNumber())
                .containsExactly(1, 2, 4);
    }

    @Test
    void keyScopedSlowDownAndStatsCounters() throws Exception {
        cos.faults().add(FaultRule.fail("PutObject", 503, "SlowDown").forKey("hot").times(2));
        s3.putObject(b -> b.bucket("faults").key("cold"), RequestBody.fromString("ok"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("faults").key("hot"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown"));
        }
        s3.putObject(b -> b.bucket("faults").key("hot"), RequestBody.fromString("third time"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("faults").key("hot")).asUtf8String()).isEqualTo("third time");

        assertThat(admin("DELETE", "stats", null).statusCode()).isEqualTo(204);
        s3.headObject(b -> b.bucket("faults").key("hot"));
        s3.headObject(b -> b.bucket("faults").key("cold"));
        var stats = JSON.readTree(admin("GET", "stats", null).body());
        assertThat(stats.path("operations").path("HeadObject").asLong()).isEqualTo(2);
        assertThat(stats.path("operations").has("PutObject")).isFalse();
        assertThat(cos.stats().count("HeadObject")).isEqualTo(2);
    }

    @Test
    void resetMidBodyLeavesNoObjectAndLatencyDelaysResponse() throws Exception {
        admin("POST", "faults", "{\"operation\":\"PutObject\",\"resetAfterBytes\":65536}");
        byte[] big = new byte[1024 * 1024];
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("faults").key("torn"), RequestBody.fromBytes(big)))
                .isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("faults").key("torn")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));

        cos.faults().add(FaultRule.latency("GetObject", 300));
        s3.putObject(b -> b.bucket("faults").key("slow"), RequestBody.fromString("eventually"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("faults").key("slow")).asUtf8String()).isEqualTo("eventually");
        assertThat(cos.faults().rules()).isEmpty();
    }

    @Test
    void invalidFaultJsonIsRejected() throws Exception {
        HttpResponse<String> r = admin("POST", "faults", "{\"operation\":\"PutObject\",\"status\":200}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("status must be an HTTP error status");
        assertThat(admin("GET", "nothing", null).statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(cos.endpoint() + "/_emulator/faults")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"faults\":[]");
    }
}
