package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3;
import com.ibm.cloud.objectstorage.services.s3.model.AmazonS3Exception;
import com.ibm.cloud.objectstorage.services.s3.model.Bucket;
import com.ibm.cloud.objectstorage.services.s3.model.CreateBucketRequest;
import com.ibm.cloud.objectstorage.services.s3.model.EncryptionType;
import com.ibm.cloud.objectstorage.services.s3.model.HeadBucketRequest;
import com.ibm.cloud.objectstorage.services.s3.model.HeadBucketResult;
import com.ibm.cloud.objectstorage.services.s3.model.ObjectMetadata;
import com.ibm.cloud.objectstorage.services.s3.model.S3Object;
import io.ibmcos.emulator.CosEmulator;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IBM's COS Java SDK with an IAM API key; tokens come from the emulator's own /identity/token. */
class IbmSdkIamIT {
    static final String INSTANCE_CRN = "crn:v1:bluemix:public:cloud-object-storage:global:a/acct:iam-instance::";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static CosEmulator cos;

    @BeforeAll
    static void start() {
        cos = CosEmulator.builder().serviceInstanceId(INSTANCE_CRN).start();
    }

    @AfterAll
    static void stop() {
        cos.close();
    }

    @Test
    void oneTokenRequestServesFiftyOperations() throws Exception {
        cos.stats().reset();
        AmazonS3 s3 = IbmSdk.iam(cos);
        try {
            String crn = "crn:v1:bluemix:public:kms:us-south:a/acct:kp-instance:key:root-key-42";
            EncryptionType kp = new EncryptionType();
            kp.setKmsEncryptionAlgorithm("AES256");
            kp.setIBMSSEKMSCustomerRootKeyCrn(crn);
            s3.createBucket(new CreateBucketRequest("iam-kp").withEncryptionType(kp));
            HeadBucketResult head = s3.headBucket(new HeadBucketRequest("iam-kp"));
            assertThat(head.getIBMSSEKPEnabled()).isTrue();
            assertThat(head.getIBMSSEKPCrk()).isEqualTo(crn);
            for (int i = 0; i < 16; i++) {
                byte[] b = ("value " + i).getBytes(StandardCharsets.UTF_8);
                ObjectMetadata m = new ObjectMetadata();
                m.setContentLength(b.length);
                s3.putObject("iam-kp", "k" + i, new ByteArrayInputStream(b), m);
                try (S3Object o = s3.getObject("iam-kp", "k" + i)) {
                    assertThat(new String(o.getObjectContent().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("value " + i);
                }
                assertThat(s3.getObjectMetadata("iam-kp", "k" + i).getContentLength()).isEqualTo(b.length);
            }
            assertThat(s3.listBuckets()).extracting(Bucket::getName).containsExactly("iam-kp");
            assertThat(s3.listBucketsExtended().getBuckets()).extracting(Bucket::getName).containsExactly("iam-kp");
            assertThat(s3.listObjectsV2("iam-kp").getKeyCount()).isEqualTo(16);
        } finally {
            s3.shutdown();
        }
        long cosCalls = cos.stats().snapshot().entrySet().stream().filter(e -> !e.getKey().equals("IamToken"))
                .mapToLong(e -> e.getValue()).sum();
        assertThat(cosCalls).isGreaterThanOrEqualTo(50);
        assertThat(cos.stats().count("IamToken")).isEqualTo(1);
    }

    @Test
    void unknownApiKeyIsRejectedLikeIam() throws Exception {
        HttpResponse<String> r = token("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=wrong");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode err = JSON.readTree(r.body());
        assertThat(err.path("errorCode").asText()).isEqualTo("BXNIM0415E");
        assertThat(err.path("errorMessage").asText()).isEqualTo("Provided API key could not be found");
        assertThat(err.path("context").path("requestId").asText()).isNotEmpty();

        AmazonS3 bad = IbmSdk.iam(cos, "not-the-api-key");
        try {
            assertThatThrownBy(() -> bad.listBuckets()).hasMessageContaining("Service: IAM; Status Code: 400");
        } finally {
            bad.shutdown();
        }
    }

    @Test
    void tokenResponseHasIamShapeAndDelegatedGrantWorks() throws Exception {
        HttpResponse<String> r = token("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey="
                + cos.apiKey() + "&response_type=delegated_refresh_token&receiver_client_ids=aspera_ats");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = JSON.readTree(r.body());
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("refresh_token").asText()).isEqualTo("not_supported");
        assertThat(t.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(t.path("expiration").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(t.path("scope").asText()).isEqualTo("ibm openid");
        assertThat(t.path("delegated_refresh_token").asText()).isNotEmpty();
        // a delegated refresh token is not an access token
        HttpResponse<String> denied = get("/", "Bearer " + t.path("delegated_refresh_token").asText(), true);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("<Code>AccessDenied</Code>");
    }

    @Test
    void bearerModeNeedsServiceInstanceForListingAndExpiredTokensAreRefused() throws Exception {
        MutableClock clock = new MutableClock();
        try (CosEmulator timed = CosEmulator.builder().clock(clock).tokenTtl(Duration.ofMinutes(10)).start()) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(timed.iamEndpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey="
                            + timed.apiKey())).build(), HttpResponse.BodyHandlers.ofString());
            String bearer = "Bearer " + JSON.readTree(r.body()).path("access_token").asText();
            assertThat(send(timed.endpoint().resolve("/"), bearer, true).statusCode()).isEqualTo(200);
            HttpResponse<String> missing = send(timed.endpoint().resolve("/"), bearer, false);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("ibm-service-instance-id");
            clock.advance(Duration.ofMinutes(11));
            HttpResponse<String> expired = send(timed.endpoint().resolve("/"), bearer, true);
            assertThat(expired.statusCode()).isEqualTo(403);
            assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("expired");
        }
    }

    private static HttpResponse<String> token(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(cos.iamEndpoint()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic Yng6Yng=").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String auth, boolean instance) throws Exception {
        return send(cos.endpoint().resolve(path), auth, instance);
    }

    private static HttpResponse<String> send(URI uri, String auth, boolean instance) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", auth).GET();
        if (instance) {
            b.header("ibm-service-instance-id", "some-instance");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
