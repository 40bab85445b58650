package io.ibmcos.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.Digests;
import io.ibmcos.client.RetryPolicy;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.IamTokenCache;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.Bucket;
import io.ibmcos.client.model.CopyObjectRequest;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.KeyProtectConfiguration;
import io.ibmcos.client.model.ListBucketsExtendedRequest;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.RetentionDirective;
import io.ibmcos.client.model.RetentionExtension;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.model.RetentionState;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IAM and the IBM-specific operations of the client, against our emulator (an independent server side). */
class CosClientEmulatorIT {

    private static CosEmulator emulator;
    private static DefaultCosClient iam;
    private static DefaultCosClient hmac;

    @BeforeAll
    static void start() {
        emulator = CosEmulator.builder().port(0).start();
        iam = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new IamCredentials(emulator.apiKey(), emulator.serviceInstanceId(), emulator.iamEndpoint()))
                .build());
        hmac = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(emulator.accessKey(), emulator.secretKey())).build());
    }

    @AfterAll
    static void stop() {
        assertThat(iam.openResponses()).isZero();
        assertThat(hmac.openResponses()).isZero();
        iam.close();
        hmac.close();
        emulator.close();
    }

    @BeforeEach
    void clearFaults() {
        emulator.faults().clear();
    }

    private static String text(GetObjectResponse r) throws Exception {
        try (r; InputStream in = r.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void oneIamTokenServesFiftyOperations() throws Exception {
        long before = emulator.stats().count("IamToken");
        try (DefaultCosClient fresh = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new IamCredentials(emulator.apiKey(), emulator.serviceInstanceId(), emulator.iamEndpoint()))
                .iamTokenCache(new IamTokenCache()).build())) {
            fresh.createBucket(CreateBucketRequest.of("iam-fifty"));
            for (int i = 0; i < 25; i++) {
                fresh.putObject(PutObjectRequest.of("iam-fifty", "o" + i, Payload.ofString("v" + i)));
                assertThat(text(fresh.getObject(GetObjectRequest.of("iam-fifty", "o" + i)))).isEqualTo("v" + i);
            }
            assertThat(fresh.listBuckets().buckets()).extracting(Bucket::name).contains("iam-fifty");
        }
        assertThat(emulator.stats().count("IamToken") - before).isEqualTo(1);
    }

    @Test
    void extendedListingAndKeyProtectBucket() {
        String crn = "crn:v1:bluemix:public:kms:us-south:a/acct:instance:key:root-key-1";
        iam.createBucket(new CreateBucketRequest("kp-bucket", "us-south-smart", new KeyProtectConfiguration(null, crn),
                null));
        var head = iam.headBucket("kp-bucket");
        assertThat(head.keyProtectEnabled()).isTrue();
        assertThat(head.keyProtectRootKeyId()).isNotBlank();
        assertThat(iam.listBucketsExtended(ListBucketsExtendedRequest.ALL).buckets())
                .filteredOn(b -> b.name().equals("kp-bucket")).singleElement()
                .satisfies(b -> assertThat(b.locationConstraint()).isEqualTo("us-south-smart"));
    }

    @Test
    void protectedObjectsLifecycle() throws Exception {
        String bucket = "vault-client";
        hmac.createBucket(CreateBucketRequest.of(bucket));
        hmac.putBucketProtectionConfiguration(bucket, ProtectionConfiguration.retention(1, 30, 3650, false));
        assertThat(hmac.getBucketProtectionConfiguration(bucket))
                .isEqualTo(ProtectionConfiguration.retention(1, 30, 3650, false));

        byte[] body = "contract".getBytes(StandardCharsets.UTF_8);
        hmac.putObject(PutObjectRequest.of(bucket, "contract.pdf", Payload.ofBytes(body))
                .withContentMd5(Digests.contentMd5(body))
                .withRetention(RetentionOptions.period(2 * 86400).withLegalHold("case-1")));
        ObjectMetadata head = hmac.headObject(bucket, "contract.pdf");
        assertThat(head.retentionPeriod()).isEqualTo(2 * 86400L);
        assertThat(head.retentionLegalHoldCount()).isEqualTo(1);
        assertThat(head.retentionExpirationDate()).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));

        hmac.addLegalHold(bucket, "contract.pdf", "audit(2026)");
        RetentionState state = hmac.listLegalHolds(bucket, "contract.pdf");
        assertThat(state.legalHolds()).extracting(h -> h.id()).containsExactlyInAnyOrder("case-1", "audit(2026)");
        assertThat(state.retentionPeriod()).isEqualTo(2 * 86400L);

        assertThatThrownBy(() -> hmac.addLegalHold(bucket, "contract.pdf", "case-1"))
                .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        hmac.deleteLegalHold(bucket, "contract.pdf", "audit(2026)");
        assertThat(hmac.listLegalHolds(bucket, "contract.pdf").legalHolds()).hasSize(1);

        hmac.extendRetention(bucket, "contract.pdf", new RetentionExtension.AdditionalPeriod(86400));
        assertThat(hmac.headObject(bucket, "contract.pdf").retentionPeriod()).isEqualTo(3 * 86400L);
        hmac.extendRetention(bucket, "contract.pdf", new RetentionExtension.NewPeriod(4 * 86400));
        hmac.extendRetention(bucket, "contract.pdf", new RetentionExtension.FromCurrentTime(10 * 86400));
        Instant far = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        hmac.extendRetention(bucket, "contract.pdf", new RetentionExtension.NewExpirationDate(far));
        // COS keeps retention as whole seconds from creation, so the date may read back up to a second earlier
        assertThat(hmac.headObject(bucket, "contract.pdf").retentionExpirationDate())
                .isCloseTo(far, org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
        assertThatThrownBy(() -> hmac.extendRetention(bucket, "contract.pdf", new RetentionExtension.NewPeriod(86400)))
                .as("retention only extends").isInstanceOfSatisfying(CosServiceException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));

        hmac.copyObject(CopyObjectRequest.of(bucket, "contract.pdf", bucket, "contract-copy.pdf"));
        assertThat(hmac.listLegalHolds(bucket, "contract-copy.pdf").legalHolds()).extracting(h -> h.id())
                .containsExactly("case-1");
        hmac.copyObject(CopyObjectRequest.of(bucket, "contract.pdf", bucket, "contract-replaced.pdf")
                .withRetention(RetentionDirective.REPLACE, RetentionOptions.period(5 * 86400)));
        assertThat(hmac.headObject(bucket, "contract-replaced.pdf").retentionPeriod()).isEqualTo(5 * 86400L);
        assertThat(hmac.listLegalHolds(bucket, "contract-replaced.pdf").legalHolds()).isEmpty();

        assertThatThrownBy(() -> hmac.deleteObject(bucket, "contract.pdf"))
                .isInstanceOfSatisfying(CosServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.errorCode()).isEqualTo("AccessDenied");
                });
        var multi = hmac.deleteObjects(bucket, java.util.List.of("contract-replaced.pdf"));
        assertThat(multi.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("AccessDenied"));
        assertThat(text(hmac.getObject(GetObjectRequest.of(bucket, "contract.pdf")))).isEqualTo("contract");
    }

    @Test
    void transientFaultsAreRetriedAndPersistentOnesSurface() throws Exception {
        hmac.createBucket(CreateBucketRequest.of("faulty"));
        emulator.faults().add(FaultRule.fail("PutObject", 503, "SlowDown").times(2));
        hmac.putObject(PutObjectRequest.of("faulty", "k", Payload.ofString("eventually")));
        assertThat(text(hmac.getObject(GetObjectRequest.of("faulty", "k")))).isEqualTo("eventually");

        emulator.faults().add(FaultRule.fail("GetObject", 500, "InternalError").times(5));
        try (DefaultCosClient oneShot = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(emulator.accessKey(), emulator.secretKey()))
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(2)).build())) {
            assertThatThrownBy(() -> oneShot.getObject(GetObjectRequest.of("faulty", "k")))
                    .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        }
        emulator.faults().clear();

        emulator.faults().add(FaultRule.resetAfter("PutObject", 1000).times(1));
        byte[] big = new byte[200_000];
        new java.util.Random(7).nextBytes(big);
        hmac.putObject(PutObjectRequest.of("faulty", "reset", Payload.ofBytes(big)));
        try (GetObjectResponse r = hmac.getObject(GetObjectRequest.of("faulty", "reset"))) {
            assertThat(r.content().readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void hmacAndIamSeeTheSameData() throws Exception {
        hmac.createBucket(CreateBucketRequest.of("shared-view"));
        hmac.putObject(PutObjectRequest.of("shared-view", "k", Payload.ofString("same")));
        assertThat(text(iam.getObject(GetObjectRequest.of("shared-view", "k")))).isEqualTo("same");
    }
}
