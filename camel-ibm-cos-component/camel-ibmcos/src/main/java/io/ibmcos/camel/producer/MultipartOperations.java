package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.transfer.MultipartUploader;
import io.ibmcos.client.transfer.UploadProgress;
import io.ibmcos.client.transfer.UploadRequest;
import io.ibmcos.client.transfer.UploadResult;
import io.ibmcos.client.transfer.UploadSettings;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Large and unknown-length bodies through the client core's parallel uploader: files by offset, streams through
 * (multipartConcurrency + 1) reusable buffers, at most multipartConcurrency parts in flight, aborted once on failure.
 * The parts run on the producer's thread pool; the exchange's thread reads the body and waits for the result.
 */
public final class MultipartOperations {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartOperations.class);

    private final CosClient client;
    private final IbmCosConfiguration config;
    private final ExecutorService executor;

    public MultipartOperations(CosClient client, IbmCosConfiguration config, ExecutorService executor) {
        this.client = client;
        this.config = config;
        this.executor = executor;
        // fail at start-up, not on the first large message
        settings(false, false);
    }

    /**
     * @param forceMultipart true for operation multipartUpload: every non-empty body goes as multipart
     * @param md5            send Content-MD5 with each part (and with a single PUT)
     */
    public UploadResult upload(String bucket, String key, Payload payload, ObjectHeaders headers,
            RetentionOptions retention, boolean forceMultipart, boolean md5) {
        UploadRequest request = payload instanceof Payload.FileRegion file && file.offset() == 0
                ? UploadRequest.ofFile(bucket, key, file.file())
                : UploadRequest.ofStream(bucket, key, open(payload), payload.length());
        request = request.withHeaders(headers).withRetention(retention).withProgress(progress(key));
        return new MultipartUploader(client, settings(forceMultipart, md5), executor).upload(request);
    }

    private UploadSettings settings(boolean forceMultipart, boolean md5) {
        try {
            return new UploadSettings(config.getPartSize(), forceMultipart ? 0 : config.effectiveMultipartThreshold(),
                    config.getMultipartConcurrency(), md5);
        } catch (IllegalArgumentException e) {
            // the client names partSize / multipartConcurrency / multipartThreshold, which are also our option names
            throw new IllegalArgumentException("Invalid upload options: " + e.getMessage(), e);
        }
    }

    private static java.io.InputStream open(Payload payload) {
        try {
            return payload.open();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot open the body to upload: " + e.getMessage(), e);
        }
    }

    /** The user's listener, plus an INFO line every 10 % (or every 10 parts when the length is unknown). */
    private UploadProgress progress(String key) {
        UploadProgress user = config.getProgressListener();
        int[] lastDecile = {0};
        return (bytes, parts, totalBytes, totalParts) -> {
            if (user != null) {
                user.onProgress(bytes, parts, totalBytes, totalParts);
            }
            if (totalBytes > 0) {
                int decile = (int) (bytes * 10 / totalBytes);
                synchronized (lastDecile) {
                    if (decile > lastDecile[0]) {
                        lastDecile[0] = decile;
                        LOG.info("Uploading {}: {}% ({} of {} bytes, {} of {} parts)", key, decile * 10, bytes,
                                totalBytes, parts, totalParts);
                    }
                }
            } else if (parts % 10 == 0) {
                LOG.info("Uploading {}: {} bytes in {} parts so far", key, bytes, parts);
            }
        };
    }
}
