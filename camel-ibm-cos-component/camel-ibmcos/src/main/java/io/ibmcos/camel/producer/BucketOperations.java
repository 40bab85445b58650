package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.Bucket;
import io.ibmcos.client.model.BucketListing;
import io.ibmcos.client.model.BucketMetadata;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.KeyProtectConfiguration;
import io.ibmcos.client.model.ListBucketsExtendedRequest;
import io.ibmcos.client.model.ProtectionConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * listBuckets, createBucket, deleteBucket, headBucket, putBucketProtectionConfiguration,
 * getBucketProtectionConfiguration; and the endpoint's autoCreateBucket.
 */
public final class BucketOperations {

    private static final Logger LOG = LoggerFactory.getLogger(BucketOperations.class);

    private final CosClient client;

    public BucketOperations(CosClient client) {
        this.client = client;
    }

    public OperationResult listBuckets(OptionResolver opts) {
        if (!opts.config().isExtendedListing()) {
            return OperationResult.of(client.listBuckets().buckets());
        }
        String prefix = opts.orElse(IbmCosConstants.PREFIX, String.class, opts.config().getPrefix());
        List<Bucket> buckets = new ArrayList<>();
        String marker = null;
        BucketListing page;
        do {
            page = client.listBucketsExtended(new ListBucketsExtendedRequest(prefix, marker, null));
            buckets.addAll(page.buckets());
            marker = page.nextMarker() != null ? page.nextMarker()
                    : page.buckets().isEmpty() ? null : page.buckets().get(page.buckets().size() - 1).name();
        } while (page.truncated() && marker != null);
        return OperationResult.of(buckets);
    }

    public OperationResult createBucket(OptionResolver opts) {
        String bucket = opts.bucket();
        client.createBucket(createRequest(bucket, opts.config()));
        return OperationResult.keepBody().withHeader(IbmCosConstants.BUCKET_NAME, bucket);
    }

    private static CreateBucketRequest createRequest(String bucket, IbmCosConfiguration config) {
        KeyProtectConfiguration kp = config.getKpRootKeyCrn() == null || config.getKpRootKeyCrn().isBlank() ? null
                : new KeyProtectConfiguration(config.getKpEncryptionAlgorithm(), config.getKpRootKeyCrn());
        return new CreateBucketRequest(bucket, blankToNull(config.getLocationConstraint()), kp,
                blankToNull(config.getServiceInstanceId()));
    }

    public OperationResult deleteBucket(OptionResolver opts) {
        String bucket = opts.bucket();
        client.deleteBucket(bucket);
        return OperationResult.keepBody().withHeader(IbmCosConstants.BUCKET_NAME, bucket);
    }

    /** Body and CamelIbmCosBucketExists: true, or false when COS answers 404; other errors propagate. */
    public OperationResult headBucket(OptionResolver opts) {
        String bucket = opts.bucket();
        try {
            BucketMetadata metadata = client.headBucket(bucket);
            return OperationResult.of(Boolean.TRUE)
                    .withHeader(IbmCosConstants.BUCKET_EXISTS, Boolean.TRUE)
                    .withHeader(IbmCosConstants.KEY_PROTECT_ENABLED, metadata.keyProtectEnabled())
                    .withHeader(IbmCosConstants.KEY_PROTECT_ROOT_KEY_ID, metadata.keyProtectRootKeyId());
        } catch (CosServiceException e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            return OperationResult.of(Boolean.FALSE).withHeader(IbmCosConstants.BUCKET_EXISTS, Boolean.FALSE);
        }
    }

    /** A ProtectionConfiguration body, else the three day headers (and the permanent flag). */
    public OperationResult putBucketProtectionConfiguration(OptionResolver opts) {
        String bucket = opts.bucket();
        ProtectionConfiguration configuration;
        if (opts.message().getBody() instanceof ProtectionConfiguration given) {
            configuration = given;
        } else {
            Integer min = opts.header(IbmCosConstants.MINIMUM_RETENTION_DAYS, Integer.class);
            Integer def = opts.header(IbmCosConstants.DEFAULT_RETENTION_DAYS, Integer.class);
            Integer max = opts.header(IbmCosConstants.MAXIMUM_RETENTION_DAYS, Integer.class);
            if (min == null || def == null || max == null) {
                throw new IllegalArgumentException("putBucketProtectionConfiguration needs a ProtectionConfiguration "
                        + "body or all of headers " + IbmCosConstants.MINIMUM_RETENTION_DAYS + ", "
                        + IbmCosConstants.DEFAULT_RETENTION_DAYS + " and " + IbmCosConstants.MAXIMUM_RETENTION_DAYS);
            }
            Boolean permanent = opts.header(IbmCosConstants.ENABLE_PERMANENT_RETENTION, Boolean.class);
            try {
                configuration = ProtectionConfiguration.retention(min, def, max, Boolean.TRUE.equals(permanent));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid protection configuration (headers "
                        + IbmCosConstants.MINIMUM_RETENTION_DAYS + ", " + IbmCosConstants.DEFAULT_RETENTION_DAYS + ", "
                        + IbmCosConstants.MAXIMUM_RETENTION_DAYS + "): " + e.getMessage(), e);
            }
        }
        client.putBucketProtectionConfiguration(bucket, configuration);
        return OperationResult.keepBody().withHeader(IbmCosConstants.BUCKET_NAME, bucket);
    }

    public OperationResult getBucketProtectionConfiguration(OptionResolver opts) {
        ProtectionConfiguration c = client.getBucketProtectionConfiguration(opts.bucket());
        return OperationResult.of(c)
                .withHeader(IbmCosConstants.PROTECTION_STATUS, c.status() == null ? null : c.status().wireValue())
                .withHeader(IbmCosConstants.MINIMUM_RETENTION_DAYS, c.minimumRetentionDays())
                .withHeader(IbmCosConstants.DEFAULT_RETENTION_DAYS, c.defaultRetentionDays())
                .withHeader(IbmCosConstants.MAXIMUM_RETENTION_DAYS, c.maximumRetentionDays())
                .withHeader(IbmCosConstants.ENABLE_PERMANENT_RETENTION, c.enablePermanentRetention());
    }

    /**
     * autoCreateBucket: creates the endpoint's bucket when HEAD says it is missing. Any other failure propagates, so a
     * route that cannot reach its bucket does not start as if it could.
     */
    public static void ensureBucket(CosClient client, IbmCosConfiguration config) {
        String bucket = config.getBucketName();
        try {
            client.headBucket(bucket);
            return;
        } catch (CosServiceException e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        LOG.info("Creating bucket {} (autoCreateBucket=true)", bucket);
        try {
            client.createBucket(createRequest(bucket, config));
        } catch (CosServiceException e) {
            // another instance may have created it between our HEAD and PUT
            if (!"BucketAlreadyOwnedByYou".equals(e.errorCode())) {
                throw e;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
