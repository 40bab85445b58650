package io.ibmcos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.support.IbmCosTestSupport;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.KeyProtectConfiguration;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.PresignRequest;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.RetentionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per producer option, each proving the option reaches the request the client receives. */
class IbmCosProducerOptionsTest extends IbmCosTestSupport {

    private static final String COS = "ibmcos:" + BUCKET;

    @Test
    void operation() {
        putText("x", "y");
        sendOk(COS + "?operation=headObject&keyName=x", null, Map.of());
        assertThat(recorder.count("headObject")).isOne();
        assertThat(recorder.count("putObject")).isZero();
    }

    @Test
    void allowOperationOverrideLetsTheHeaderSelectANonDestructiveOperation() {
        putText("x", "y");
        Exception refused = sendFail(COS + "?keyName=x", null, Map.of(IbmCosConstants.OPERATION, "headObject"));
        assertThat(refused).hasMessageContaining("allowOperationOverride=true");
        assertThat(recorder.requests()).isZero();
        sendOk(COS + "?keyName=x&allowOperationOverride=true", null, Map.of(IbmCosConstants.OPERATION, "headObject"));
        assertThat(recorder.count("headObject")).isOne();
    }

    @Test
    void allowDestructiveOperationOverride() {
        putText("x", "y");
        Exception refused = sendFail(COS + "?keyName=x", "body", Map.of(IbmCosConstants.OPERATION, "deleteObject"));
        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowDestructiveOperationOverride=true");
        assertThat(fake.object(BUCKET, "x")).as("nothing deleted").isNotNull();
        assertThat(recorder.requests()).isZero();

        sendOk(COS + "?keyName=x&allowDestructiveOperationOverride=true", null,
                Map.of(IbmCosConstants.OPERATION, IbmCosOperation.deleteObject));
        assertThat(fake.object(BUCKET, "x")).isNull();
    }

    @Test
    void destructiveOperationConfiguredOnTheEndpointNeedsNoOverride() {
        putText("x", "y");
        sendOk(COS + "?operation=deleteObject&keyName=x", null,
                Map.of(IbmCosConstants.OPERATION, "deleteObject"));
        assertThat(fake.object(BUCKET, "x")).isNull();
    }

    @Test
    void unknownOperationHeaderFailsNamingTheHeader() {
        Exception e = sendFail(COS + "?keyName=x", "b", Map.of(IbmCosConstants.OPERATION, "explode"));
        assertThat(e).hasMessageContaining(IbmCosConstants.OPERATION).hasMessageContaining("putObject");
    }

    @Test
    void keyName() {
        sendOk(COS + "?keyName=from-option.txt", "x", Map.of());
        assertThat(((PutObjectRequest) recorder.last("putObject").arg(0)).key()).isEqualTo("from-option.txt");
    }

    @Test
    void deleteAfterWrite(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("upload.txt"), "from a file");
        sendOk(COS + "?keyName=f.txt&deleteAfterWrite=true", file.toFile(), Map.of());
        assertThat(text("f.txt")).isEqualTo("from a file");
        assertThat(file).doesNotExist();

        Path kept = Files.writeString(dir.resolve("kept.txt"), "kept");
        sendOk(COS + "?keyName=k.txt", kept, Map.of());
        assertThat(kept).exists();
    }

    @Test
    void prefix() {
        sendOk(COS + "?operation=listObjects&prefix=logs/", null, Map.of());
        assertThat(lastList().prefix()).isEqualTo("logs/");
    }

    @Test
    void delimiter() {
        putText("a/1", "x");
        putText("b", "x");
        Exchange e = sendOk(COS + "?operation=listObjects&delimiter=/", null, Map.of());
        assertThat(lastList().delimiter()).isEqualTo("/");
        assertThat(e.getMessage().getHeader(IbmCosConstants.COMMON_PREFIXES)).isEqualTo(List.of("a/"));
    }

    @Test
    void maxKeys() {
        sendOk(COS + "?operation=listObjects&maxKeys=7", null, Map.of());
        assertThat(lastList().maxKeys()).isEqualTo(7);
        Exception e = sendFail(COS + "?operation=listObjects&maxKeys=5000", null, Map.of());
        assertThat(e).hasMessageContaining("maxKeys").hasMessageContaining(IbmCosConstants.MAX_KEYS);
    }

    @Test
    void listAll() {
        for (int i = 0; i < 5; i++) {
            putText("k" + i, "v");
        }
        Exchange e = sendOk(COS + "?operation=listObjects&maxKeys=2&listAll=true", null, Map.of());
        assertThat(e.getMessage().getBody(List.class)).hasSize(5);
        assertThat(recorder.count("listObjectsV2")).isEqualTo(3);
        assertThat(e.getMessage().getHeader(IbmCosConstants.IS_TRUNCATED)).isEqualTo(false);
    }

    @Test
    void extendedListing() {
        sendOk(COS + "?operation=listBuckets&extendedListing=true", null, Map.of());
        assertThat(recorder.count("listBucketsExtended")).isOne();
        assertThat(recorder.count("listBuckets")).isZero();
    }

    @Test
    void locationConstraint() {
        sendOk("ibmcos:bucket-1?operation=createBucket&locationConstraint=us-south-smart", null, Map.of());
        assertThat(lastCreate().locationConstraint()).isEqualTo("us-south-smart");
    }

    @Test
    void kpRootKeyCrnAndDefaultAlgorithm() {
        sendOk("ibmcos:bucket-2?operation=createBucket&kpRootKeyCrn=crn:v1:bluemix:public:kms:us-south:a/1:2:key:3", null,
                Map.of());
        assertThat(lastCreate().keyProtect())
                .isEqualTo(new KeyProtectConfiguration("AES256", "crn:v1:bluemix:public:kms:us-south:a/1:2:key:3"));
    }

    @Test
    void kpEncryptionAlgorithm() {
        sendOk("ibmcos:bucket-3?operation=createBucket&kpRootKeyCrn=crn:k&kpEncryptionAlgorithm=AES512", null, Map.of());
        assertThat(lastCreate().keyProtect().algorithm()).isEqualTo("AES512");
    }

    @Test
    void serviceInstanceIdReachesCreateBucket() {
        sendOk("ibmcos:bucket-4?operation=createBucket&serviceInstanceId=instance-1", null, Map.of());
        assertThat(lastCreate().serviceInstanceId()).isEqualTo("instance-1");
    }

    @Test
    void retentionPeriod() {
        sendOk(COS + "?keyName=r&retentionPeriod=86400", "x", Map.of());
        assertThat(lastPut().retention()).isEqualTo(RetentionOptions.period(86400));
        sendOk(COS + "?keyName=r2&retentionPeriod=86400", "x", Map.of(IbmCosConstants.RETENTION_PERIOD, 60L));
        assertThat(lastPut().retention().periodSeconds()).as("header wins").isEqualTo(60L);
    }

    @Test
    void legalHoldId() {
        sendOk(COS + "?keyName=l&legalHoldId=audit-2026", "x", Map.of());
        assertThat(lastPut().retention().legalHoldId()).isEqualTo("audit-2026");
        sendOk(COS + "?operation=addLegalHold&keyName=l&legalHoldId=second", null, Map.of());
        assertThat(recorder.last("addLegalHold").arg(2)).isEqualTo("second");
    }

    @Test
    void invalidLegalHoldIdFailsBeforeAnyRequest() {
        putText("l", "x");
        long before = recorder.requests();
        Exception e = sendFail(COS + "?operation=addLegalHold&keyName=l", null,
                Map.of(IbmCosConstants.LEGAL_HOLD_ID, "no spaces allowed"));
        assertThat(e).hasMessageContaining(IbmCosConstants.LEGAL_HOLD_ID).hasMessageContaining("legalHoldId");
        assertThat(recorder.requests()).isEqualTo(before);
    }

    @Test
    void presignMethod() {
        sendOk(COS + "?operation=createPresignedUrl&keyName=p&presignMethod=PUT", null, Map.of());
        assertThat(lastPresign().method()).isEqualTo(PresignRequest.Method.PUT);
    }

    @Test
    void presignExpiry() {
        sendOk(COS + "?operation=createPresignedUrl&keyName=p&presignExpiry=15m", null, Map.of());
        assertThat(lastPresign().expiry()).isEqualTo(Duration.ofMinutes(15));
        assertThat(lastPresign().method()).as("default").isEqualTo(PresignRequest.Method.GET);
    }

    @Test
    void autoCreateBucket() throws Exception {
        context.getEndpoint("ibmcos:created-on-start?autoCreateBucket=true&locationConstraint=eu-de-cold").start();
        assertThat(fake.bucket("created-on-start")).isNotNull();
        assertThat(lastCreate().locationConstraint()).isEqualTo("eu-de-cold");
    }

    @Test
    void autoCreateBucketLeavesAnExistingBucketAlone() throws Exception {
        context.getEndpoint(COS + "?autoCreateBucket=true").start();
        assertThat(recorder.count("createBucket")).isZero();
        assertThat(recorder.count("headBucket")).isOne();
    }

    @Test
    void cosClientAutowiredIsUsedAndNeverClosed() throws Exception {
        IbmCosEndpoint endpoint = context.getEndpoint(COS, IbmCosEndpoint.class);
        sendOk(COS + "?keyName=a", "x", Map.of());
        assertThat(endpoint.getClient()).isSameAs(recorder.client());
        context.stop();
        assertThat(fake.isClosed()).isFalse();
        assertThat(recorder.count("close")).isZero();
    }

    @Test
    void cosClientByReference() throws Exception {
        io.ibmcos.camel.support.FakeCosClient other = new io.ibmcos.camel.support.FakeCosClient().withBucket(BUCKET);
        context.getRegistry().bind("otherClient", other);
        sendOk(COS + "?keyName=ref&cosClient=#otherClient", "via reference", Map.of());
        assertThat(other.object(BUCKET, "ref")).isNotNull();
        assertThat(fake.object(BUCKET, "ref")).isNull();
        context.stop();
        assertThat(other.isClosed()).isFalse();
    }

    private ListObjectsRequest lastList() {
        return (ListObjectsRequest) recorder.last("listObjectsV2").arg(0);
    }

    private CreateBucketRequest lastCreate() {
        return (CreateBucketRequest) recorder.last("createBucket").arg(0);
    }

    private PutObjectRequest lastPut() {
        return (PutObjectRequest) recorder.last("putObject").arg(0);
    }

    private PresignRequest lastPresign() {
        return (PresignRequest) recorder.last("createPresignedUrl").arg(0);
    }
}
