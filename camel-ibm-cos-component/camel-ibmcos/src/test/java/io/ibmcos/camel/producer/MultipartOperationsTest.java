package io.ibmcos.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.support.IbmCosTestSupport;
import io.ibmcos.client.model.CompleteMultipartUploadRequest;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.UploadPartRequest;
import io.ibmcos.client.transfer.UploadProgress;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** putObject above the threshold and operation multipartUpload, through the client core's parallel uploader. */
class MultipartOperationsTest extends IbmCosTestSupport {

    private static final int MIB = 1024 * 1024;
    private static final String SMALL_PARTS = "ibmcos:" + BUCKET + "?partSize=5242880&multipartConcurrency=2";
    private final List<Long> progress = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("progress", (UploadProgress) (bytes, parts, total, totalParts) -> progress.add(bytes));
    }

    private static byte[] data(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) (i * 31 + (i >> 12));
        }
        return d;
    }

    @Test
    void anUnknownLengthStreamAboveOnePartGoesMultipartInParallelParts() {
        byte[] content = data(11 * MIB + 7);
        Exchange out = sendOk(SMALL_PARTS + "&keyName=big.bin&progressListener=#progress",
                new ByteArrayInputStream(content), Map.of());
        assertThat(out.getMessage().getHeader(IbmCosConstants.UPLOAD_ID, String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(IbmCosConstants.PART_COUNT, Integer.class)).isEqualTo(3);
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("uploadPart"))
                .extracting(c -> ((UploadPartRequest) c.arg(0)).payload().length())
                .containsExactlyInAnyOrder(5L * MIB, 5L * MIB, (long) MIB + 7);
        assertThat(recorder.count("completeMultipartUpload")).isOne();
        assertThat(fake.object(BUCKET, "big.bin").data).isEqualTo(content);
        assertThat(progress).hasSize(3).contains((long) content.length);
    }

    @Test
    void aKnownLengthBodyAtOrBelowTheThresholdGoesAsOnePutWithItsChecksum() {
        sendOk(SMALL_PARTS + "&keyName=small.txt", "small text", Map.of());
        assertThat(recorder.count("createMultipartUpload")).isZero();
        assertThat(((PutObjectRequest) recorder.last("putObject").arg(0)).contentMd5()).isNotNull();
    }

    @Test
    void aFileAboveTheThresholdIsReadByOffsetNotCopied(@TempDir Path dir) throws Exception {
        byte[] content = data(12 * MIB);
        Path file = Files.write(dir.resolve("f.bin"), content);
        sendOk(SMALL_PARTS + "&keyName=f.bin", file.toFile(), Map.of());
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("uploadPart"))
                .allSatisfy(c -> assertThat(((UploadPartRequest) c.arg(0)).payload())
                        .isInstanceOf(Payload.FileRegion.class));
        assertThat(fake.object(BUCKET, "f.bin").data).isEqualTo(content);
    }

    @Test
    void multipartUploadOperationUsesMultipartWhateverTheSize() {
        Exchange out = sendOk(SMALL_PARTS + "&operation=multipartUpload&keyName=tiny", "tiny", Map.of());
        assertThat(out.getMessage().getHeader(IbmCosConstants.PART_COUNT, Integer.class)).isEqualTo(1);
        assertThat(recorder.count("putObject")).isZero();
        assertThat(text("tiny")).isEqualTo("tiny");
    }

    @Test
    void multipartThresholdMovesTheSwitchPoint() {
        sendOk(SMALL_PARTS + "&multipartThreshold=1000&keyName=k", new String(new char[2000]).replace('\0', 'x'),
                Map.of());
        assertThat(recorder.count("createMultipartUpload")).isOne();
        assertThat(recorder.count("putObject")).isZero();
    }

    @Test
    void autoChecksumsPartsForProtectedBucketsOnly() {
        byte[] content = data(6 * MIB);
        sendOk(SMALL_PARTS + "&keyName=plain", new ByteArrayInputStream(content), Map.of());
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("uploadPart"))
                .allSatisfy(c -> assertThat(((UploadPartRequest) c.arg(0)).contentMd5()).isNull());

        fake.putBucketProtectionConfiguration(BUCKET, ProtectionConfiguration.retention(0, 1, 10, false));
        sendOk(SMALL_PARTS + "&keyName=held&checksumMode=auto",
                new ByteArrayInputStream(content), Map.of());
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("uploadPart")
                && ((UploadPartRequest) c.arg(0)).key().equals("held"))
                .hasSize(2).allSatisfy(c -> assertThat(((UploadPartRequest) c.arg(0)).contentMd5()).isNotNull());
    }

    @Test
    void checksumModeMd5AndNone() {
        byte[] content = data(6 * MIB);
        sendOk(SMALL_PARTS + "&keyName=with&checksumMode=md5", new ByteArrayInputStream(content), Map.of());
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("uploadPart"))
                .allSatisfy(c -> assertThat(((UploadPartRequest) c.arg(0)).contentMd5()).isNotNull());
        sendOk(SMALL_PARTS + "&keyName=without.txt&checksumMode=none", "in memory", Map.of());
        assertThat(((PutObjectRequest) recorder.last("putObject").arg(0)).contentMd5())
                .as("none means none, even for in-memory bodies").isNull();
        assertThat(recorder.count("getBucketProtectionConfiguration")).isZero();
    }

    @Test
    void retentionAndMetadataReachTheCompleteAndInitiate() {
        byte[] content = data(6 * MIB);
        sendOk(SMALL_PARTS + "&keyName=kept&retentionPeriod=3600&legalHoldId=h1", new ByteArrayInputStream(content),
                Map.of(IbmCosConstants.CONTENT_TYPE, "application/x-test", IbmCosConstants.METADATA, Map.of("a", "b")));
        CompleteMultipartUploadRequest complete = (CompleteMultipartUploadRequest) recorder
                .last("completeMultipartUpload").arg(0);
        assertThat(complete.retention().periodSeconds()).isEqualTo(3600L);
        assertThat(complete.retention().legalHoldId()).isEqualTo("h1");
        assertThat(fake.object(BUCKET, "kept").headers.contentType()).isEqualTo("application/x-test");
        assertThat(fake.object(BUCKET, "kept").headers.userMetadata()).containsEntry("a", "b");
    }

    @Test
    void invalidUploadOptionsFailNamingTheOption() {
        // checked when the producer starts, not on the first large message
        assertThatThrownBy(() -> template.sendBody("ibmcos:" + BUCKET + "?partSize=1000&keyName=k", "x"))
                .hasStackTraceContaining("partSize");
        assertThatThrownBy(() -> template.sendBody("ibmcos:" + BUCKET + "?multipartConcurrency=0&keyName=k", "x"))
                .hasStackTraceContaining("multipartConcurrency");
    }
}
