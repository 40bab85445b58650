package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large uploads through routes: the component on the client core's parallel uploader, against the emulator. */
class IbmCosMultipartUploadIT extends CamelTestSupport {

    private static final int MIB = 1024 * 1024;
    private static CosEmulator emulator;
    private static DefaultCosClient check;

    @BeforeAll
    static void start() throws Exception {
        emulator = CosServers.startEmulator();
        check = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(CosServers.EMULATOR_ACCESS_KEY, CosServers.EMULATOR_SECRET_KEY))
                .build());
        check.createBucket(CreateBucketRequest.of("large"));
        check.createBucket(CreateBucketRequest.of("large-vault"));
        check.putBucketProtectionConfiguration("large-vault", ProtectionConfiguration.retention(0, 1, 30, false));
    }

    @AfterAll
    static void stop() {
        check.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.faults().clear();
        emulator.stats().reset();
    }

    private static String uri(String bucket, String options) {
        return "ibmcos:" + bucket + "?partSize=5242880&" + options + "&" + Auth.HMAC.uriOptions(emulator);
    }

    private static byte[] data(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] stored(String bucket, String key) throws Exception {
        try (GetObjectResponse r = check.getObject(GetObjectRequest.of(bucket, key)); InputStream in = r.content()) {
            return in.readAllBytes();
        }
    }

    private Exchange send(String uri, Object body) {
        Exchange e = template.send(uri, x -> x.getMessage().setBody(body));
        if (e.getException() != null) {
            throw new AssertionError(e.getException());
        }
        return e;
    }

    @Test
    void aFileAboveTheThresholdGoesAsParallelParts(@TempDir Path dir) throws Exception {
        byte[] content = data(26 * MIB + 5, 1);
        Path file = Files.write(dir.resolve("big.bin"), content);
        Exchange out = send(uri("large", "keyName=file.bin&multipartConcurrency=3"), file.toFile());
        assertThat(out.getMessage().getHeader(IbmCosConstants.PART_COUNT)).isEqualTo(6);
        assertThat(out.getMessage().getHeader(IbmCosConstants.E_TAG, String.class)).endsWith("-6");
        assertThat(sha256(stored("large", "file.bin"))).isEqualTo(sha256(content));
        assertThat(emulator.stats().count("UploadPart")).isEqualTo(6);
    }

    @Test
    void multipartUploadOperationAndUnknownLengthStreams() throws Exception {
        byte[] content = data(11 * MIB, 2);
        Exchange out = send(uri("large", "operation=multipartUpload&keyName=stream.bin"),
                new ByteArrayInputStream(content));
        assertThat(out.getMessage().getHeader(IbmCosConstants.UPLOAD_ID, String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(IbmCosConstants.PART_COUNT)).isEqualTo(3);
        assertThat(stored("large", "stream.bin")).isEqualTo(content);
    }

    @Test
    void protectedBucketsGetChecksummedPartsWithoutConfiguration() throws Exception {
        byte[] content = data(12 * MIB, 3);
        send(uri("large-vault", "keyName=kept.bin&retentionPeriod=3600"), new ByteArrayInputStream(content));
        assertThat(check.headObject("large-vault", "kept.bin").retentionPeriod()).isEqualTo(3600L);
        assertThat(stored("large-vault", "kept.bin")).isEqualTo(content);
        assertThat(emulator.stats().count("GetBucketProtectionConfiguration")).isEqualTo(1);
    }

    @Test
    void aFailedPartIsRetriedAndAPersistentFailureAbortsTheUpload() throws Exception {
        byte[] content = data(22 * MIB, 4);
        emulator.faults().add(FaultRule.fail("UploadPart", 500, "InternalError").skipping(2).times(1));
        send(uri("large", "keyName=retried.bin"), new ByteArrayInputStream(content));
        assertThat(stored("large", "retried.bin")).isEqualTo(content);

        emulator.faults().clear();
        emulator.faults().add(FaultRule.fail("UploadPart", 500, "InternalError").skipping(1).times(1000));
        Exchange failed = template.send(uri("large", "keyName=doomed.bin"),
                x -> x.getMessage().setBody(new ByteArrayInputStream(content)));
        assertThat(failed.getException()).hasMessageContaining("InternalError");
        assertThat(emulator.stats().count("AbortMultipartUpload")).isEqualTo(1);
        assertThat(check.listMultipartUploads(ListMultipartUploadsRequest.of("large")).uploads()).isEmpty();
    }
}
