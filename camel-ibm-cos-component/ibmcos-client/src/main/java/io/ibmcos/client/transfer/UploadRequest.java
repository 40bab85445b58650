package io.ibmcos.client.transfer;

import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.RetentionOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to upload: a file (read by offset, never copied) or a stream (length known or -1), with content headers,
 * user metadata and retention (applied on complete, or on the single PUT).
 */
public record UploadRequest(String bucket, String key, Path file, InputStream stream, long streamLength,
        ObjectHeaders headers, RetentionOptions retention, UploadProgress progress) {

    public UploadRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if ((file == null) == (stream == null)) {
            throw new IllegalArgumentException("An upload needs exactly one source: a file or a stream");
        }
        headers = headers == null ? ObjectHeaders.NONE : headers;
        retention = retention == null ? RetentionOptions.NONE : retention;
        progress = progress == null ? UploadProgress.NONE : progress;
    }

    public static UploadRequest ofFile(String bucket, String key, Path file) {
        return new UploadRequest(bucket, key, file, null, -1, null, null, null);
    }

    /** {@code length} -1 when unknown. */
    public static UploadRequest ofStream(String bucket, String key, InputStream stream, long length) {
        return new UploadRequest(bucket, key, null, stream, length, null, null, null);
    }

    public UploadRequest withHeaders(ObjectHeaders h) {
        return new UploadRequest(bucket, key, file, stream, streamLength, h, retention, progress);
    }

    public UploadRequest withRetention(RetentionOptions r) {
        return new UploadRequest(bucket, key, file, stream, streamLength, headers, r, progress);
    }

    public UploadRequest withProgress(UploadProgress p) {
        return new UploadRequest(bucket, key, file, stream, streamLength, headers, retention, p);
    }
}
