package io.ibmcos.client.transfer;

/**
 * Tuning of the {@link MultipartUploader}.
 *
 * @param partSize            bytes per part (raised automatically for very large known lengths); default 16 MiB
 * @param multipartThreshold  objects up to this size go as one PUT; default = part size
 * @param concurrency         parts in flight at once; memory for streams is (concurrency + 1) × partSize
 * @param contentMd5          send Content-MD5 with every part (COS requires an integrity value for buckets with a
 *                            protection configuration)
 */
public record UploadSettings(long partSize, long multipartThreshold, int concurrency, boolean contentMd5) {

    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final UploadSettings DEFAULT = new UploadSettings(DEFAULT_PART_SIZE, DEFAULT_PART_SIZE,
            DEFAULT_CONCURRENCY, false);

    public UploadSettings {
        if (partSize < PartPlan.MIN_PART_SIZE || partSize > PartPlan.MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be between 5 MiB (5242880) and 5 GiB, but was " + partSize);
        }
        if (partSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("partSize above 2 GiB cannot be buffered in memory; use at most "
                    + (Integer.MAX_VALUE - 16) + " bytes");
        }
        if (multipartThreshold < 0) {
            throw new IllegalArgumentException("multipartThreshold must be >= 0, but was " + multipartThreshold);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("multipartConcurrency must be between 1 and 64, but was " + concurrency);
        }
    }

    public UploadSettings withContentMd5(boolean md5) {
        return new UploadSettings(partSize, multipartThreshold, concurrency, md5);
    }
}
