package io.ibmcos.camel.producer;

import io.ibmcos.camel.ChecksumMode;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.error.CosException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an upload carries Content-MD5. COS refuses uploads to buckets with a protection configuration
 * that carry no integrity value, so in {@code auto} mode each bucket's protection is looked up once and remembered.
 */
public final class ChecksumPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ChecksumPolicy.class);

    private final CosClient client;
    private final ChecksumMode mode;
    private final Map<String, Boolean> protectedBuckets = new ConcurrentHashMap<>();

    public ChecksumPolicy(CosClient client, ChecksumMode mode) {
        this.client = client;
        this.mode = mode == null ? ChecksumMode.auto : mode;
    }

    /** True when an upload to {@code bucket} must carry Content-MD5. */
    public boolean required(String bucket) {
        return switch (mode) {
            case md5 -> true;
            case none -> false;
            case auto -> protectedBuckets.computeIfAbsent(bucket, this::lookUp);
        };
    }

    /** True when a body already in memory gets a checksum anyway (cheap, and it protects the upload). */
    public boolean forInMemoryBodies() {
        return mode != ChecksumMode.none;
    }

    private boolean lookUp(String bucket) {
        try {
            return client.getBucketProtectionConfiguration(bucket).enabled();
        } catch (CosException e) {
            // not allowed to read the policy, or a server without IBM's extension: a checksum is always accepted
            LOG.debug("Could not read the protection configuration of bucket {} ({}); sending Content-MD5", bucket,
                    e.getMessage());
            return true;
        }
    }
}
