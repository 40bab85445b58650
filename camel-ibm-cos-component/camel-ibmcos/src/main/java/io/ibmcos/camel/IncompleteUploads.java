package io.ibmcos.camel;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.MultipartUploadListing;
import io.ibmcos.client.model.MultipartUploadSummary;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * abortIncompleteUploadsAfter: at endpoint start, aborts the multipart uploads under the endpoint's bucket and prefix
 * that were initiated longer ago than the given age. An uploader killed mid-upload (SIGKILL, OOM, pod eviction) never
 * sends its abort, and COS keeps (and bills) the parts of an incomplete upload until someone aborts it. The age
 * protects uploads still running in other replicas: choose it longer than the longest upload.
 */
public final class IncompleteUploads {

    private static final Logger LOG = LoggerFactory.getLogger(IncompleteUploads.class);

    private final CosClient client;
    private final String bucket;
    private final String prefix;

    public IncompleteUploads(CosClient client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isEmpty() ? null : prefix;
    }

    /** Aborts every upload initiated before {@code now - age}; returns how many were aborted. */
    public int abortOlderThan(Duration age, Instant now) {
        Instant cutoff = now.minus(age);
        int aborted = 0;
        int kept = 0;
        String keyMarker = null;
        String uploadIdMarker = null;
        MultipartUploadListing page;
        do {
            page = client.listMultipartUploads(new ListMultipartUploadsRequest(bucket, prefix, null, null, keyMarker,
                    uploadIdMarker));
            for (MultipartUploadSummary upload : page.uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(cutoff)) {
                    aborted += abort(upload) ? 1 : 0;
                } else {
                    kept++;
                }
            }
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        } while (page.truncated() && keyMarker != null);
        if (aborted > 0 || kept > 0) {
            LOG.info("abortIncompleteUploadsAfter={}: aborted {} incomplete multipart upload(s) in bucket {}{}; kept {} "
                    + "younger than the cutoff", age, aborted, bucket, prefix == null ? "" : " under prefix " + prefix,
                    kept);
        }
        return aborted;
    }

    private boolean abort(MultipartUploadSummary upload) {
        try {
            client.abortMultipartUpload(bucket, upload.key(), upload.uploadId());
            LOG.info("Aborted incomplete multipart upload {} of key {} in bucket {}, initiated {}", upload.uploadId(),
                    upload.key(), bucket, upload.initiated());
            return true;
        } catch (CosServiceException e) {
            if (e.statusCode() == 404) {
                // completed or aborted meanwhile (another replica starting at the same time)
                return false;
            }
            throw e;
        }
    }
}
