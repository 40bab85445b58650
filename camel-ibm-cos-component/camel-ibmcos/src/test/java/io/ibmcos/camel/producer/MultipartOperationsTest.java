package io.ibmcos.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.support.FakeCosClient;
import io.ibmcos.camel.support.RecordingCosClient;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.model.CompleteMultipartUploadRequest;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.model.UploadPartRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bounded, sequential unknown-length upload that stands in until the parallel uploader lands. */
class MultipartOperationsTest {

    private final FakeCosClient fake = new FakeCosClient().withBucket("b");
    private final RecordingCosClient recorder = new RecordingCosClient(fake);

    private static byte[] data(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) (i * 31);
        }
        return d;
    }

    @Test
    void aStreamSmallerThanOnePartGoesAsOnePut() {
        MultipartOperations.Outcome o = new MultipartOperations(recorder.client(), 100)
                .uploadUnknownLength("b", "k", new ByteArrayInputStream(data(60)), ObjectHeaders.NONE,
                        RetentionOptions.NONE);
        assertThat(o.uploadId()).isNull();
        assertThat(recorder.count("createMultipartUpload")).isZero();
        PutObjectRequest put = (PutObjectRequest) recorder.last("putObject").arg(0);
        assertThat(put.payload().length()).isEqualTo(60);
        assertThat(put.contentMd5()).isNotNull();
        assertThat(fake.object("b", "k").data).isEqualTo(data(60));
    }

    @Test
    void aLargerStreamGoesPartByPartAndIsCompletedOnceWithRetention() {
        RetentionOptions retention = RetentionOptions.period(3600).withLegalHold("hold");
        MultipartOperations.Outcome o = new MultipartOperations(recorder.client(), 100)
                .uploadUnknownLength("b", "k", new ByteArrayInputStream(data(250)),
                        ObjectHeaders.builder().contentType("application/x-test").build(), retention);
        assertThat(o.partCount()).isEqualTo(3);
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("uploadPart"))
                .extracting(c -> ((UploadPartRequest) c.arg(0)).payload().length()).containsExactly(100L, 100L, 50L);
        assertThat(recorder.count("completeMultipartUpload")).isOne();
        assertThat(((CompleteMultipartUploadRequest) recorder.last("completeMultipartUpload").arg(0)).retention())
                .isEqualTo(retention);
        assertThat(fake.object("b", "k").data).isEqualTo(data(250));
        assertThat(fake.object("b", "k").headers.contentType()).isEqualTo("application/x-test");
    }

    @Test
    void anExactMultipleOfThePartSizeSendsNoEmptyPart() {
        new MultipartOperations(recorder.client(), 100).uploadUnknownLength("b", "k",
                new ByteArrayInputStream(data(200)), ObjectHeaders.NONE, RetentionOptions.NONE);
        assertThat(recorder.count("uploadPart")).isEqualTo(2);
        assertThat(fake.object("b", "k").data).isEqualTo(data(200));
    }

    @Test
    void memoryIsOneBufferWhateverTheStreamSize() {
        // a stream that reports how much was asked of it at most in one read: never more than one part
        int[] largestRead = { 0 };
        InputStream endless = new InputStream() {
            private long left = 10_000;

            @Override
            public int read() {
                return left-- > 0 ? 7 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                largestRead[0] = Math.max(largestRead[0], len);
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 7);
                left -= n;
                return n;
            }
        };
        new MultipartOperations(recorder.client(), 1000).uploadUnknownLength("b", "k", endless, ObjectHeaders.NONE,
                RetentionOptions.NONE);
        assertThat(largestRead[0]).isLessThanOrEqualTo(1000);
        assertThat(recorder.count("uploadPart")).isEqualTo(10);
    }

    @Test
    void aFailedPartAbortsOnceAndRethrowsTheCause() {
        CosClient failingSecondPart = (CosClient) Proxy.newProxyInstance(CosClient.class.getClassLoader(),
                new Class<?>[] { CosClient.class }, (p, m, args) -> {
                    if (m.getName().equals("uploadPart") && ((UploadPartRequest) args[0]).partNumber() == 2) {
                        throw new IllegalStateException("part 2 broke");
                    }
                    if (m.getName().equals("abortMultipartUpload")) {
                        throw new IllegalStateException("abort broke too");
                    }
                    return m.invoke(recorder.client(), args);
                });
        assertThatThrownBy(() -> new MultipartOperations(failingSecondPart, 100).uploadUnknownLength("b", "k",
                new ByteArrayInputStream(data(300)), ObjectHeaders.NONE, RetentionOptions.NONE))
                .hasMessage("part 2 broke")
                .satisfies(t -> assertThat(t.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("abort broke too"));
        assertThat(recorder.count("completeMultipartUpload")).isZero();
        assertThat(fake.object("b", "k")).isNull();
    }

    @Test
    void aFailingStreamAbortsTheUpload() {
        InputStream breaks = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ >= 150) {
                    throw new IOException("disk gone");
                }
                return 1;
            }
        };
        assertThatThrownBy(() -> new MultipartOperations(recorder.client(), 100).uploadUnknownLength("b", "k", breaks,
                ObjectHeaders.NONE, RetentionOptions.NONE)).hasMessageContaining("disk gone");
        assertThat(recorder.count("abortMultipartUpload")).isOne();
        assertThat(fake.uploadsInProgress()).isZero();
    }

    @Test
    void theDefaultPartSizeRespectsTheCosMinimum() {
        assertThat(MultipartOperations.DEFAULT_PART_SIZE).isGreaterThanOrEqualTo(MultipartOperations.MIN_PART_SIZE);
    }
}
