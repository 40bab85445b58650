package io.ibmcos.camel.producer;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.model.CompleteMultipartUploadRequest;
import io.ibmcos.client.model.CompleteMultipartUploadResult;
import io.ibmcos.client.model.CompletedPart;
import io.ibmcos.client.model.CreateMultipartUploadRequest;
import io.ibmcos.client.model.MultipartUpload;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.PutObjectResult;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.model.UploadPartRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Uploads a stream of unknown length with bounded memory: the stream is read into ONE reusable buffer of
 * {@code partSize} bytes, sent part by part with the client's multipart primitives, and completed once (with the
 * retention headers). A stream that fits in the first buffer goes as a single PUT. On failure the upload is aborted
 * once and the original exception is rethrown (an abort failure is kept as suppressed).
 *
 * <p>This is the seam the client core's parallel uploader replaces: it is sequential on purpose, because memory must
 * stay bounded whatever the object size, and a second buffer would only pay off with parallel parts.
 */
public class MultipartOperations {

    /** 8 MiB: above COS's 5 MiB part minimum; 10 000 parts of it allow objects up to ~78 GiB. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    /** What the upload did: the ETag, and the upload id and part count when it went as multipart. */
    public record Outcome(String eTag, String versionId, String uploadId, int partCount) {
    }

    private final CosClient client;
    private final int partSize;

    public MultipartOperations(CosClient client) {
        this(client, DEFAULT_PART_SIZE);
    }

    /** {@code partSize} below COS's 5 MiB minimum is only for tests against a fake client. */
    MultipartOperations(CosClient client, int partSize) {
        if (partSize < 1) {
            throw new IllegalArgumentException("partSize must be > 0");
        }
        this.client = client;
        this.partSize = partSize;
    }

    public Outcome uploadUnknownLength(String bucket, String key, InputStream in, ObjectHeaders headers,
            RetentionOptions retention) {
        byte[] buffer = new byte[partSize];
        int first = fill(in, buffer);
        if (first < partSize) {
            PutObjectResult put = client.putObject(new PutObjectRequest(bucket, key, Payload.ofBytes(buffer, 0, first),
                    headers, Md5.base64(buffer, 0, first), retention));
            return new Outcome(put.eTag(), put.versionId(), null, 0);
        }
        MultipartUpload upload = client.createMultipartUpload(new CreateMultipartUploadRequest(bucket, key, headers));
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int n = first;
            while (n > 0) {
                int partNumber = parts.size() + 1;
                parts.add(client.uploadPart(new UploadPartRequest(bucket, key, upload.uploadId(), partNumber,
                        Payload.ofBytes(buffer, 0, n), Md5.base64(buffer, 0, n))));
                // the client has sent the part when uploadPart returns, so the buffer can be reused
                n = n < partSize ? 0 : fill(in, buffer);
            }
            CompleteMultipartUploadResult done = client.completeMultipartUpload(
                    new CompleteMultipartUploadRequest(bucket, key, upload.uploadId(), parts, retention));
            return new Outcome(done.eTag(), null, upload.uploadId(), parts.size());
        } catch (RuntimeException e) {
            abortQuietly(upload, e);
            throw e;
        } catch (Error e) {
            abortQuietly(upload, e);
            throw e;
        }
    }

    private void abortQuietly(MultipartUpload upload, Throwable cause) {
        try {
            client.abortMultipartUpload(upload.bucket(), upload.key(), upload.uploadId());
        } catch (RuntimeException abortFailure) {
            cause.addSuppressed(abortFailure);
        }
    }

    /** Reads until the buffer is full or the stream ends; returns the bytes read. */
    private static int fill(InputStream in, byte[] buffer) {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the body to upload failed: " + e.getMessage(), e);
        }
    }
}
