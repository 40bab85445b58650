package io.ibmcos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.IamHttpResponse;
import io.ibmcos.client.auth.IamTokenCache;
import io.ibmcos.client.auth.IamTokenClient;
import io.ibmcos.client.http.StubTransport;
import io.ibmcos.client.http.StubTransport.Answer;
import io.ibmcos.client.model.CopyObjectRequest;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.KeyProtectConfiguration;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PresignRequest;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.RetentionDirective;
import io.ibmcos.client.model.RetentionExtension;
import io.ibmcos.client.model.RetentionOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The exact wire form of each IBM-specific call, and input rejected before anything is sent. */
class DefaultCosClientWireTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final AtomicInteger iamCalls = new AtomicInteger();

    private final IamTokenClient iam = (url, headers, form, timeout) -> new IamHttpResponse(200,
            "{\"access_token\":\"tok-" + iamCalls.incrementAndGet() + "\",\"refresh_token\":\"not_supported\","
                    + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"expiration\":" + (CLOCK.instant().getEpochSecond() + 3600) + "}");

    private DefaultCosClient iamClient(StubTransport t) {
        return new DefaultCosClient(CosClientConfig.builder().endpoint("http://cos.test")
                .credentials(new IamCredentials("api-key-secret", "crn:v1:instance", URI.create("http://iam.test/identity/token")))
                .iamTokenCache(new IamTokenCache(iam, CLOCK)).clock(CLOCK).build(), t, ms -> { });
    }

    private DefaultCosClient hmacClient(StubTransport t) {
        return new DefaultCosClient(CosClientConfig.builder().endpoint("http://cos.test:8080")
                .credentials(new HmacCredentials("AKID", "hmac-secret")).clock(CLOCK).build(), t, ms -> { });
    }

    @Test
    void iamSendsBearerAndServiceInstanceOnlyWhereNeededWithOneTokenFetch() {
        StubTransport t = StubTransport.sequence(Answer.xml(200, "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>"));
        try (DefaultCosClient client = iamClient(t)) {
            client.listBuckets();
            client.createBucket(CreateBucketRequest.of("my-bucket"));
            client.deleteObject("my-bucket", "k");
        }
        assertThat(t.sent()).allSatisfy(s -> assertThat(s.header("Authorization")).isEqualTo("Bearer tok-1"));
        assertThat(t.sent().get(0).header("ibm-service-instance-id")).isEqualTo("crn:v1:instance");
        assertThat(t.sent().get(1).header("ibm-service-instance-id")).isEqualTo("crn:v1:instance");
        assertThat(t.sent().get(2).header("ibm-service-instance-id")).isNull();
        assertThat(iamCalls).hasValue(1);
        assertThat(t.closeCount()).isEqualTo(1);
    }

    @Test
    void a401FromCosFetchesANewTokenAndRetriesOnce() {
        StubTransport t = StubTransport.sequence(Answer.status(401), Answer.ok());
        try (DefaultCosClient client = iamClient(t)) {
            client.deleteObject("my-bucket", "k");
        }
        assertThat(t.sent()).extracting(s -> s.header("Authorization")).containsExactly("Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void createBucketWithLocationAndKeyProtect() {
        StubTransport t = StubTransport.sequence(Answer.ok());
        try (DefaultCosClient client = iamClient(t)) {
            client.createBucket(new CreateBucketRequest("kp-bucket", "us-south-smart",
                    new KeyProtectConfiguration(null, "crn:v1:bluemix:public:kms:us-south:a/1:2:key:3"), null));
        }
        StubTransport.Sent s = t.last();
        assertThat(s.method()).isEqualTo("PUT");
        assertThat(s.bodyText()).contains("<CreateBucketConfiguration><LocationConstraint>us-south-smart"
                + "</LocationConstraint></CreateBucketConfiguration>");
        assertThat(s.header("ibm-sse-kp-encryption-algorithm")).isEqualTo("AES256");
        assertThat(s.header("ibm-sse-kp-customer-root-key-crn")).isEqualTo("crn:v1:bluemix:public:kms:us-south:a/1:2:key:3");
    }

    @Test
    void protectionConfigurationIsSentWithContentMd5() {
        StubTransport t = StubTransport.sequence(Answer.ok());
        try (DefaultCosClient client = hmacClient(t)) {
            client.putBucketProtectionConfiguration("vault", ProtectionConfiguration.retention(1, 2, 3, false));
        }
        StubTransport.Sent s = t.last();
        assertThat(s.uri().toString()).isEqualTo("http://cos.test:8080/vault?protection");
        assertThat(s.header("Content-MD5")).isEqualTo(Digests.contentMd5(s.body()));
        assertThat(s.header("x-amz-content-sha256")).isEqualTo(io.ibmcos.client.auth.SigV4Signer.sha256Hex(s.body()));
        assertThat(s.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKID/20260102/us-standard/s3/");
    }

    @Test
    void retentionHeadersOnPutAndCopy() {
        StubTransport t = StubTransport.sequence(Answer.ok().withHeader("ETag", "\"abc\""),
                Answer.xml(200, "<CopyObjectResult><ETag>\"abc\"</ETag><LastModified>2026-01-02T03:04:05.000Z</LastModified></CopyObjectResult>"));
        try (DefaultCosClient client = hmacClient(t)) {
            var put = client.putObject(PutObjectRequest.of("vault", "doc.pdf", Payload.ofString("x"))
                    .withContentMd5(Digests.contentMd5(new byte[] {'x'}))
                    .withRetention(RetentionOptions.period(86400).withLegalHold("case-1")));
            assertThat(put.eTag()).isEqualTo("abc");
            client.copyObject(CopyObjectRequest.of("vault", "doc.pdf", "vault", "copy.pdf")
                    .withRetention(RetentionDirective.REPLACE,
                            RetentionOptions.expiration(Instant.parse("2030-01-01T00:00:00Z"))));
        }
        StubTransport.Sent put = t.sent().get(0);
        assertThat(put.header("Retention-Period")).isEqualTo("86400");
        assertThat(put.header("Retention-Legal-Hold-ID")).isEqualTo("case-1");
        assertThat(put.header("Content-MD5")).isEqualTo(Base64.getEncoder().encodeToString(md5("x")));
        StubTransport.Sent copy = t.sent().get(1);
        assertThat(copy.header("x-amz-copy-source")).isEqualTo("/vault/doc.pdf");
        assertThat(copy.header("Retention-Directive")).isEqualTo("REPLACE");
        assertThat(copy.header("Retention-Expiration-Date")).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void legalHoldsAndEachRetentionExtension() {
        StubTransport t = StubTransport.sequence(Answer.ok());
        try (DefaultCosClient client = hmacClient(t)) {
            client.addLegalHold("vault", "doc", "case-1");
            client.deleteLegalHold("vault", "doc", "case-1");
            client.extendRetention("vault", "doc", new RetentionExtension.AdditionalPeriod(10));
            client.extendRetention("vault", "doc", new RetentionExtension.FromCurrentTime(20));
            client.extendRetention("vault", "doc", new RetentionExtension.NewPeriod(30));
            client.extendRetention("vault", "doc",
                    new RetentionExtension.NewExpirationDate(Instant.parse("2031-01-01T00:00:00Z")));
        }
        List<StubTransport.Sent> s = t.sent();
        assertThat(s.get(0).uri().getRawQuery()).isEqualTo("legalHold&add=case-1");
        assertThat(s.get(1).uri().getRawQuery()).isEqualTo("legalHold&remove=case-1");
        assertThat(s.get(2).header("Additional-Retention-Period")).isEqualTo("10");
        assertThat(s.get(3).header("Extend-Retention-From-Current-Time")).isEqualTo("20");
        assertThat(s.get(4).header("New-Retention-Period")).isEqualTo("30");
        assertThat(s.get(5).header("New-Retention-Expiration-Date")).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(s.subList(2, 6)).allSatisfy(x -> assertThat(x.uri().getRawQuery()).isEqualTo("extendRetention"));
    }

    @Test
    void deleteObjectsBatchesByThousandWithContentMd5() {
        StubTransport t = StubTransport.sequence(Answer.xml(200, "<DeleteResult/>"));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            keys.add("k" + i);
        }
        try (DefaultCosClient client = hmacClient(t)) {
            client.deleteObjects("bucket", keys);
        }
        assertThat(t.sent()).hasSize(3);
        assertThat(t.sent()).allSatisfy(s -> assertThat(s.header("Content-MD5")).isEqualTo(Digests.contentMd5(s.body())));
        assertThat(t.sent().get(2).bodyText()).contains("<Key>k2499</Key>").doesNotContain("<Key>k1999</Key>");
    }

    @Test
    void aCompleteOrCopyThatFailsAfter200IsAnError() {
        StubTransport t = StubTransport.sequence(Answer.xml(200,
                "<Error><Code>InternalError</Code><Message>We encountered an internal error</Message></Error>"));
        try (DefaultCosClient client = hmacClient(t)) {
            assertThatThrownBy(() -> client.copyObject(CopyObjectRequest.of("a-b", "k", "a-b", "k2")))
                    .isInstanceOf(io.ibmcos.client.error.CosServiceException.class).hasMessageContaining("InternalError");
        }
    }

    @Test
    void badInputFailsBeforeAnyRequest() {
        StubTransport t = StubTransport.sequence(Answer.ok());
        try (DefaultCosClient client = hmacClient(t)) {
            assertThatThrownBy(() -> client.headBucket("Bad_Bucket")).hasMessageContaining("Invalid bucket name");
            assertThatThrownBy(() -> client.headBucket("192.168.1.1")).hasMessageContaining("IP address");
            assertThatThrownBy(() -> client.headBucket("cosv1-x")).hasMessageContaining("reserved");
            assertThatThrownBy(() -> client.headBucket("a..b")).hasMessageContaining("consecutive");
            assertThatThrownBy(() -> client.addLegalHold("b-b", "k", "bad id!#")).hasMessageContaining("Legal hold id");
            assertThatThrownBy(() -> client.addLegalHold("b-b", "k", "x".repeat(65))).hasMessageContaining("1 to 64");
            assertThatThrownBy(() -> RetentionExtension.exactlyOne(null, null, null, null)).hasMessageContaining("none");
            assertThatThrownBy(() -> RetentionExtension.exactlyOne(1L, 2L, null, null)).hasMessageContaining("2 were given");
            assertThatThrownBy(() -> new RetentionOptions(10L, Instant.now(), null)).hasMessageContaining("exclude");
            assertThatThrownBy(() -> new PresignRequest(PresignRequest.Method.GET, "b-b", "k", Duration.ofDays(8)))
                    .hasMessageContaining("7 days");
            assertThatThrownBy(() -> ProtectionConfiguration.retention(10, 5, 20, false))
                    .hasMessageContaining("minimum <= default <= maximum");
            assertThatThrownBy(() -> CopyObjectRequest.of("b-b", "k", "b-b", "k").withRetention(null,
                    RetentionOptions.period(5))).hasMessageContaining("REPLACE");
        }
        assertThat(t.sent()).isEmpty();
    }

    @Test
    void presignNeedsHmacAndSignsWithTheConfiguredClock() {
        try (DefaultCosClient client = iamClient(StubTransport.sequence(Answer.ok()))) {
            assertThatThrownBy(() -> client.createPresignedUrl(new PresignRequest(PresignRequest.Method.GET, "b-b", "k",
                    Duration.ofMinutes(1)))).isInstanceOf(IllegalStateException.class).hasMessageContaining("HMAC");
        }
        try (DefaultCosClient client = hmacClient(StubTransport.sequence(Answer.ok()))) {
            URI url = client.createPresignedUrl(new PresignRequest(PresignRequest.Method.GET, "b-b", "a b",
                    Duration.ofMinutes(1)));
            assertThat(url.toString()).startsWith("http://cos.test:8080/b-b/a%20b?")
                    .contains("X-Amz-Date=20260102T030405Z", "X-Amz-Expires=60").doesNotContain("hmac-secret");
        }
    }

    @Test
    void toStringNeverShowsSecrets() {
        CosClientConfig config = CosClientConfig.builder().endpoint("http://cos.test")
                .credentials(new IamCredentials("api-key-secret", "inst", null)).build();
        assertThat(config.toString()).doesNotContain("api-key-secret");
        CosClientConfig hmac = CosClientConfig.builder().endpoint("http://cos.test")
                .credentials(new HmacCredentials("AKID", "hmac-secret")).build();
        assertThat(hmac.toString()).doesNotContain("hmac-secret");
        try (DefaultCosClient client = hmacClient(StubTransport.sequence(Answer.ok()))) {
            assertThat(client.toString()).doesNotContain("hmac-secret");
        }
    }

    private static byte[] md5(String s) {
        return Digests.md5().digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
