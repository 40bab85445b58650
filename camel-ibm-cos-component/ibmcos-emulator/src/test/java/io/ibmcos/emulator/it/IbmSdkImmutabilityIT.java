package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.cloud.objectstorage.services.s3.AmazonS3;
import com.ibm.cloud.objectstorage.services.s3.model.AmazonS3Exception;
import com.ibm.cloud.objectstorage.services.s3.model.BucketProtectionConfiguration;
import com.ibm.cloud.objectstorage.services.s3.model.BucketProtectionStatus;
import com.ibm.cloud.objectstorage.services.s3.model.DeleteObjectsRequest;
import com.ibm.cloud.objectstorage.services.s3.model.ExtendObjectRetentionRequest;
import com.ibm.cloud.objectstorage.services.s3.model.LegalHold;
import com.ibm.cloud.objectstorage.services.s3.model.ListLegalHoldsResult;
import com.ibm.cloud.objectstorage.services.s3.model.MultiObjectDeleteException;
import com.ibm.cloud.objectstorage.services.s3.model.ObjectMetadata;
import com.ibm.cloud.objectstorage.services.s3.model.PutObjectRequest;
import io.ibmcos.emulator.CosEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IBM Immutable Object Storage through IBM's own SDK calls (HMAC). */
class IbmSdkImmutabilityIT {
    static final long DAY = 86_400;
    static CosEmulator cos;
    static AmazonS3 s3;

    @BeforeAll
    static void start() {
        cos = CosEmulator.builder().start();
        s3 = IbmSdk.hmac(cos);
    }

    @AfterAll
    static void stop() {
        s3.shutdown();
        cos.close();
    }

    static void protect(String bucket, int min, int def, int max) {
        s3.createBucket(bucket);
        s3.setBucketProtection(bucket, new BucketProtectionConfiguration().withStatus(BucketProtectionStatus.Retention)
                .withMinimumRetentionInDays(min).withDefaultRetentionInDays(def).withMaximumRetentionInDays(max));
    }

    static void put(String bucket, String key, Long period, String holdId) throws Exception {
        byte[] b = ("data of " + key).getBytes(StandardCharsets.UTF_8);
        ObjectMetadata m = new ObjectMetadata();
        m.setContentLength(b.length);
        m.setContentMD5(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(b)));
        PutObjectRequest request = new PutObjectRequest(bucket, key, new ByteArrayInputStream(b), m);
        if (period != null) {
            request.setRetentionPeriod(period);
        }
        if (holdId != null) {
            request.setRetentionLegalHoldId(holdId);
        }
        s3.putObject(request);
    }

    @Test
    void protectionConfigurationRoundTripsAndIsValidated() {
        s3.createBucket("imm-config");
        assertThat(s3.getBucketProtection("imm-config").getStatus()).isEqualTo("Disabled");
        s3.setBucketProtection("imm-config", new BucketProtectionConfiguration().withStatus(BucketProtectionStatus.Retention)
                .withMinimumRetentionInDays(1).withDefaultRetentionInDays(10).withMaximumRetentionInDays(100));
        BucketProtectionConfiguration got = s3.getBucketProtection("imm-config");
        assertThat(got.getStatus()).isEqualTo("Retention");
        assertThat(got.getMinimumRetentionInDays()).isEqualTo(1);
        assertThat(got.getDefaultRetentionInDays()).isEqualTo(10);
        assertThat(got.getMaximumRetentionInDays()).isEqualTo(100);
        assertThatThrownBy(() -> s3.setBucketProtection("imm-config", new BucketProtectionConfiguration()
                .withStatus(BucketProtectionStatus.Retention).withMinimumRetentionInDays(5).withDefaultRetentionInDays(4)
                .withMaximumRetentionInDays(100)))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.setBucketProtection("imm-config", new BucketProtectionConfiguration()
                .withStatus(BucketProtectionStatus.Retention).withMinimumRetentionInDays(0).withDefaultRetentionInDays(0)
                .withMaximumRetentionInDays(365_244)))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void retainedObjectsCannotBeDeletedOrOverwritten() throws Exception {
        protect("imm-retain", 0, 1, 30);
        put("imm-retain", "kept", 3600L, null);
        ObjectMetadata head = s3.getObjectMetadata("imm-retain", "kept");
        assertThat(head.getRetentionPeriod()).isEqualTo(3600L);
        assertThat(head.getRetentionExpirationDate()).isAfter(new Date());
        assertThat(head.getRetentionLegalHoldCount()).isZero();

        assertThatThrownBy(() -> s3.deleteObject("imm-retain", "kept"))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
                });
        assertThatThrownBy(() -> put("imm-retain", "kept", 3600L, null))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        assertThatThrownBy(() -> s3.deleteObjects(new DeleteObjectsRequest("imm-retain").withKeys("kept")))
                .isInstanceOfSatisfying(MultiObjectDeleteException.class,
                        e -> assertThat(e.getErrors()).singleElement().satisfies(err -> assertThat(err.getCode()).isEqualTo("AccessDenied")));

        put("imm-retain", "zero", 0L, null);
        s3.deleteObject("imm-retain", "zero");
        assertThat(s3.doesObjectExist("imm-retain", "zero")).isFalse();

        assertThatThrownBy(() -> put("imm-retain", "too-long", 31 * DAY, null))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void legalHoldsAddListAndRemove() throws Exception {
        protect("imm-holds", 0, 0, 30);
        put("imm-holds", "doc", 0L, "case-1");
        s3.addLegalHold("imm-holds", "doc", "case-2");
        assertThatThrownBy(() -> s3.addLegalHold("imm-holds", "doc", "case-2"))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
        assertThatThrownBy(() -> s3.addLegalHold("imm-holds", "doc", "bad id with spaces"))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        ListLegalHoldsResult holds = s3.listLegalHolds("imm-holds", "doc");
        assertThat(holds.getLegalHolds()).extracting(LegalHold::getId).containsExactly("case-1", "case-2");
        assertThat(holds.getCreateTime()).isNotNull();
        assertThat(s3.getObjectMetadata("imm-holds", "doc").getRetentionLegalHoldCount()).isEqualTo(2);

        assertThatThrownBy(() -> s3.deleteObject("imm-holds", "doc"))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        s3.deleteLegalHold("imm-holds", "doc", "case-1");
        s3.deleteLegalHold("imm-holds", "doc", "case-2");
        assertThat(s3.listLegalHolds("imm-holds", "doc").getLegalHolds()).isEmpty();
        s3.deleteObject("imm-holds", "doc");
    }

    @Test
    void extendRetentionInAllFourFormsAndOnlyExtends() throws Exception {
        protect("imm-extend", 0, 0, 365);
        put("imm-extend", "obj", 1000L, null);
        s3.extendObjectRetention(new ExtendObjectRetentionRequest().withBucketName("imm-extend").withKey("obj")
                .withAdditionalRetentionPeriod(500L));
        assertThat(s3.getObjectMetadata("imm-extend", "obj").getRetentionPeriod()).isEqualTo(1500L);

        s3.extendObjectRetention(new ExtendObjectRetentionRequest().withBucketName("imm-extend").withKey("obj")
                .withNewRetentionPeriod(2 * DAY));
        assertThat(s3.getObjectMetadata("imm-extend", "obj").getRetentionPeriod()).isEqualTo(2 * DAY);

        s3.extendObjectRetention(new ExtendObjectRetentionRequest().withBucketName("imm-extend").withKey("obj")
                .withExtendRetentionFromCurrentTime(3 * DAY));
        assertThat(s3.getObjectMetadata("imm-extend", "obj").getRetentionPeriod()).isBetween(3 * DAY - 5, 3 * DAY + 5);

        Date target = new Date(System.currentTimeMillis() + 10 * DAY * 1000);
        s3.extendObjectRetention(new ExtendObjectRetentionRequest().withBucketName("imm-extend").withKey("obj")
                .withNewRetentionExpirationDate(target));
        Date expiry = s3.getObjectMetadata("imm-extend", "obj").getRetentionExpirationDate();
        assertThat(Math.abs(expiry.getTime() - target.getTime())).isLessThanOrEqualTo(2000);

        assertThatThrownBy(() -> s3.extendObjectRetention(new ExtendObjectRetentionRequest().withBucketName("imm-extend")
                .withKey("obj").withNewRetentionPeriod(DAY)))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.extendObjectRetention(new ExtendObjectRetentionRequest().withBucketName("imm-extend")
                .withKey("obj").withAdditionalRetentionPeriod(400 * DAY)))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void uploadsIntoProtectedBucketsNeedAnIntegrityValueOverUnsignedPayloads() throws Exception {
        protect("imm-integrity", 0, 0, 30);
        // over plain HTTP the IBM SDK signs each chunk, which proves the payload: accepted without Content-MD5
        byte[] b = "signed chunks".getBytes(StandardCharsets.UTF_8);
        ObjectMetadata m = new ObjectMetadata();
        m.setContentLength(b.length);
        s3.putObject("imm-integrity", "signed", new ByteArrayInputStream(b), m);
        assertThat(s3.getObjectMetadata("imm-integrity", "signed").getRetentionPeriod()).isZero();
    }
}
