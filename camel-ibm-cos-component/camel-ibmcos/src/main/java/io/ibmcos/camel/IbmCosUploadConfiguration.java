package io.ibmcos.camel;

import io.ibmcos.client.transfer.UploadProgress;
import io.ibmcos.client.transfer.UploadSettings;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The upload options (putObject above the threshold, multipartUpload, Aspera's multipart fallback), kept apart so each
 * class stays readable; {@link IbmCosConfiguration} inherits them, so they are ordinary endpoint options.
 */
@UriParams
public class IbmCosUploadConfiguration extends IbmCosConsumerConfiguration {

    @UriParam(label = "producer", defaultValue = "16777216")
    private long partSize = UploadSettings.DEFAULT_PART_SIZE;
    @UriParam(label = "producer")
    private Long multipartThreshold;
    @UriParam(label = "producer,advanced", defaultValue = "4")
    private int multipartConcurrency = UploadSettings.DEFAULT_CONCURRENCY;
    @UriParam(label = "producer", defaultValue = "auto", enums = "auto,none,md5")
    private ChecksumMode checksumMode = ChecksumMode.auto;
    @UriParam(label = "producer,advanced")
    private UploadProgress progressListener;

    public long getPartSize() {
        return partSize;
    }

    /**
     * Bytes per part of a multipart upload (5 MiB to 2 GiB; default 16 MiB). Raised automatically when a large
     * object of known length would need more than 10 000 parts. Memory of a stream upload is at most
     * partSize times (multipartConcurrency plus one).
     */
    public void setPartSize(long partSize) {
        this.partSize = partSize;
    }

    public Long getMultipartThreshold() {
        return multipartThreshold;
    }

    /**
     * putObject sends bodies larger than this many bytes (and streams of unknown length that turn out larger) as a
     * parallel multipart upload; smaller ones as one PUT. Default: the part size.
     */
    public void setMultipartThreshold(Long multipartThreshold) {
        this.multipartThreshold = multipartThreshold;
    }

    public int getMultipartConcurrency() {
        return multipartConcurrency;
    }

    /**
     * How many parts of one multipart upload are sent at once (1 to 64; default 4).
     */
    public void setMultipartConcurrency(int multipartConcurrency) {
        this.multipartConcurrency = multipartConcurrency;
    }

    public ChecksumMode getChecksumMode() {
        return checksumMode;
    }

    /**
     * Content-MD5 on uploads: auto (the default) sends it where COS requires it, that is to buckets with a
     * protection configuration (looked up once per bucket), and for in-memory bodies; md5 always; none never
     * (uploads to protected buckets then fail).
     */
    public void setChecksumMode(ChecksumMode checksumMode) {
        this.checksumMode = checksumMode;
    }

    public UploadProgress getProgressListener() {
        return progressListener;
    }

    /**
     * Called after each part of a multipart upload with the bytes and parts sent so far and the totals when known
     * (io.ibmcos.client.transfer.UploadProgress). Progress is also logged at INFO every 10 percent.
     */
    public void setProgressListener(UploadProgress progressListener) {
        this.progressListener = progressListener;
    }

    /** The multipart threshold in effect: the option, or the part size when it is not set. */
    public long effectiveMultipartThreshold() {
        return multipartThreshold != null ? multipartThreshold : partSize;
    }
}
