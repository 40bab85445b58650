package io.ibmcos.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.model.UploadPartRequest;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel uploader against the emulator: correctness, bounds, and every failure path. */
class MultipartUploaderIT {

    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "uploads";
    private static final UploadSettings SMALL_PARTS = new UploadSettings(5 * MIB, 5 * MIB, 3, false);

    private static CosEmulator emulator;
    private static DefaultCosClient client;

    @BeforeAll
    static void start() {
        emulator = CosEmulator.builder().port(0).start();
        client = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(emulator.accessKey(), emulator.secretKey())).build());
        client.createBucket(CreateBucketRequest.of(BUCKET));
    }

    @AfterAll
    static void stop() {
        assertThat(client.openResponses()).isZero();
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.faults().clear();
        emulator.stats().reset();
    }

    static byte[] data(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] download(String key) throws Exception {
        try (GetObjectResponse r = client.getObject(GetObjectRequest.of(BUCKET, key)); InputStream in = r.content()) {
            return in.readAllBytes();
        }
    }

    /** Wraps the client so a test can watch or alter uploadPart calls. */
    static CosClient intercepting(CosClient target, UnaryOperator<UploadPartRequest> beforePart,
            AtomicInteger inFlight, AtomicInteger maxInFlight) {
        return (CosClient) Proxy.newProxyInstance(CosClient.class.getClassLoader(), new Class<?>[] {CosClient.class},
                (proxy, method, args) -> {
                    boolean part = method.getName().equals("uploadPart");
                    if (part) {
                        args[0] = beforePart.apply((UploadPartRequest) args[0]);
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (part) {
                            inFlight.decrementAndGet();
                        }
                    }
                });
    }

    @Test
    void fileUploadsInParallelPartsAndReassemblesExactly(@TempDir Path dir) throws Exception {
        byte[] content = data(23 * MIB + 123, 1);
        Path file = dir.resolve("big.bin");
        Files.write(file, content);
        List<Long> progress = new CopyOnWriteArrayList<>();
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS)) {
            UploadResult result = uploader.upload(UploadRequest.ofFile(BUCKET, "big.bin", file)
                    .withHeaders(ObjectHeaders.builder().contentType("application/octet-stream")
                            .userMetadata("source", "file").build())
                    .withProgress((bytes, parts, total, totalParts) -> {
                        progress.add(bytes);
                        assertThat(total).isEqualTo(content.length);
                        assertThat(totalParts).isEqualTo(5);
                    }));
            assertThat(result.multipart()).isTrue();
            assertThat(result.partCount()).isEqualTo(5);
            assertThat(result.eTag()).endsWith("-5");
            assertThat(result.buffersAllocated()).isZero();
        }
        assertThat(sha256(download("big.bin"))).isEqualTo(sha256(content));
        assertThat(client.headObject(BUCKET, "big.bin").userMetadata()).containsEntry("source", "file");
        assertThat(progress).hasSize(5).last().isEqualTo((long) content.length);
        assertThat(emulator.stats().count("CompleteMultipartUpload")).isEqualTo(1);
    }

    @Test
    void unknownLengthStreamStaysWithinConcurrencyAndBufferBounds() throws Exception {
        byte[] content = data(37 * MIB + 5, 2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Payload> recordedPayloads = new CopyOnWriteArrayList<>();
        CosClient watched = intercepting(client, r -> {
            recordedPayloads.add(r.payload());
            return r;
        }, inFlight, maxInFlight);
        try (MultipartUploader uploader = new MultipartUploader(watched, SMALL_PARTS)) {
            UploadResult result = uploader.upload(UploadRequest.ofStream(BUCKET, "stream.bin",
                    new ByteArrayInputStream(content), -1));
            assertThat(result.partCount()).isEqualTo(8);
            assertThat(result.bytes()).isEqualTo(content.length);
            assertThat(result.buffersAllocated()).isBetween(1, SMALL_PARTS.concurrency() + 1);
            assertThat(recordedPayloads).allSatisfy(p -> assertThat(p).isInstanceOf(Payload.Segments.class));
        }
        assertThat(maxInFlight.get()).isBetween(1, SMALL_PARTS.concurrency());
        assertThat(sha256(download("stream.bin"))).isEqualTo(sha256(content));
    }

    @Test
    void smallObjectsGoAsOnePut(@TempDir Path dir) throws Exception {
        byte[] content = data(MIB, 3);
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS)) {
            UploadResult fromStream = uploader.upload(UploadRequest.ofStream(BUCKET, "small-stream",
                    new ByteArrayInputStream(content), -1));
            Path file = dir.resolve("small.bin");
            Files.write(file, content);
            UploadResult fromFile = uploader.upload(UploadRequest.ofFile(BUCKET, "small-file", file));
            UploadResult empty = uploader.upload(UploadRequest.ofStream(BUCKET, "empty",
                    new ByteArrayInputStream(new byte[0]), -1));
            assertThat(List.of(fromStream, fromFile, empty)).allSatisfy(r -> assertThat(r.multipart()).isFalse());
        }
        assertThat(download("small-stream")).isEqualTo(content);
        assertThat(download("small-file")).isEqualTo(content);
        assertThat(download("empty")).isEmpty();
        assertThat(emulator.stats().count("CreateMultipartUpload")).isZero();
    }

    @Test
    void aFailedPartIsRetriedAndTheUploadCompletes() throws Exception {
        emulator.faults().add(FaultRule.fail("UploadPart", 500, "InternalError").skipping(2).times(1));
        byte[] content = data(22 * MIB, 4);
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS)) {
            assertThat(uploader.upload(UploadRequest.ofStream(BUCKET, "retried.bin", new ByteArrayInputStream(content),
                    content.length)).partCount()).isEqualTo(5);
        }
        assertThat(emulator.stats().count("UploadPart")).isEqualTo(6);
        assertThat(sha256(download("retried.bin"))).isEqualTo(sha256(content));
    }

    @Test
    void aConnectionResetMidPartIsResentFromTheBuffer() throws Exception {
        emulator.faults().add(FaultRule.resetAfter("UploadPart", MIB).times(1));
        byte[] content = data(12 * MIB, 5);
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS)) {
            uploader.upload(UploadRequest.ofStream(BUCKET, "reset.bin", new ByteArrayInputStream(content), -1));
        }
        assertThat(sha256(download("reset.bin"))).isEqualTo(sha256(content));
    }

    @Test
    void aPersistentFailureAbortsOnceAndRethrowsTheCause() {
        emulator.faults().add(FaultRule.fail("UploadPart", 500, "InternalError").skipping(1).times(1000));
        byte[] content = data(30 * MIB, 6);
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS)) {
            assertThatThrownBy(() -> uploader.upload(UploadRequest.ofStream(BUCKET, "doomed.bin",
                    new ByteArrayInputStream(content), -1)))
                    .isInstanceOfSatisfying(CosServiceException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("InternalError");
                        assertThat(e.getSuppressed()).isEmpty();
                    });
        }
        assertThat(emulator.stats().count("AbortMultipartUpload")).isEqualTo(1);
        assertThat(emulator.stats().count("CompleteMultipartUpload")).isZero();
        assertThat(client.listMultipartUploads(ListMultipartUploadsRequest.of(BUCKET)).uploads()).isEmpty();
        assertThatThrownBy(() -> client.headObject(BUCKET, "doomed.bin")).isInstanceOf(CosServiceException.class);
    }

    @Test
    void contentMd5CatchesCorruptedParts() {
        byte[] content = data(11 * MIB, 7);
        AtomicInteger ignored = new AtomicInteger();
        CosClient corrupting = intercepting(client, r -> {
            if (r.partNumber() != 2) {
                return r;
            }
            byte[] copy;
            try (InputStream in = r.payload().open()) {
                copy = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            copy[10] ^= 1; // a flipped bit after the checksum was computed
            return new UploadPartRequest(r.bucket(), r.key(), r.uploadId(), r.partNumber(), Payload.ofBytes(copy),
                    r.contentMd5());
        }, ignored, new AtomicInteger());
        try (MultipartUploader uploader = new MultipartUploader(corrupting, SMALL_PARTS.withContentMd5(true))) {
            assertThatThrownBy(() -> uploader.upload(UploadRequest.ofStream(BUCKET, "corrupt.bin",
                    new ByteArrayInputStream(content), -1)))
                    .isInstanceOfSatisfying(CosServiceException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("BadDigest"));
        }
        assertThat(client.listMultipartUploads(ListMultipartUploadsRequest.of(BUCKET)).uploads()).isEmpty();
    }

    @Test
    void protectedBucketsGetChecksummedPartsAndRetentionOnComplete() throws Exception {
        client.createBucket(CreateBucketRequest.of("uploads-vault"));
        client.putBucketProtectionConfiguration("uploads-vault", ProtectionConfiguration.retention(0, 1, 30, false));
        byte[] content = data(11 * MIB, 8);
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS.withContentMd5(true))) {
            uploader.upload(UploadRequest.ofStream("uploads-vault", "kept.bin", new ByteArrayInputStream(content), -1)
                    .withRetention(RetentionOptions.period(3600).withLegalHold("upload-hold")));
        }
        var head = client.headObject("uploads-vault", "kept.bin");
        assertThat(head.retentionPeriod()).isEqualTo(3600L);
        assertThat(head.retentionLegalHoldCount()).isEqualTo(1);
    }

    @Test
    void interruptingTheUploadingThreadAbortsTheUpload() throws Exception {
        emulator.faults().add(FaultRule.latency("UploadPart", 300).times(1000));
        byte[] content = data(30 * MIB, 10);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS)) {
            Thread uploading = new Thread(() -> {
                try {
                    uploader.upload(UploadRequest.ofStream(BUCKET, "interrupted.bin", new ByteArrayInputStream(content),
                            -1));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            uploading.start();
            // wait (bounded) until parts are on the wire, then interrupt the caller as a shutdown would
            for (int i = 0; i < 2000 && emulator.stats().count("UploadPart") == 0; i++) {
                Thread.sleep(5);
            }
            uploading.interrupt();
            uploading.join(60_000);
            assertThat(uploading.isAlive()).isFalse();
        }
        assertThat(thrown.get()).isInstanceOf(io.ibmcos.client.error.CosClientException.class)
                .hasMessageContaining("interrupted");
        assertThat(emulator.stats().count("AbortMultipartUpload")).isEqualTo(1);
        assertThat(emulator.stats().count("CompleteMultipartUpload")).isZero();
        emulator.faults().clear();
        assertThat(client.listMultipartUploads(ListMultipartUploadsRequest.of(BUCKET)).uploads()).isEmpty();
    }

    @Test
    void aStreamShorterThanDeclaredFailsAndAborts() {
        byte[] content = data(7 * MIB, 9);
        try (MultipartUploader uploader = new MultipartUploader(client, SMALL_PARTS)) {
            assertThatThrownBy(() -> uploader.upload(UploadRequest.ofStream(BUCKET, "short.bin",
                    new ByteArrayInputStream(content), 12L * MIB)))
                    .hasMessageContaining("ended after");
        }
        assertThat(client.listMultipartUploads(ListMultipartUploadsRequest.of(BUCKET)).uploads()).isEmpty();
    }
}
