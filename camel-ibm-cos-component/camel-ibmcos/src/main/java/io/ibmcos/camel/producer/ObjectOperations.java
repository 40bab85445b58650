package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.Digests;
import io.ibmcos.client.model.CopyObjectRequest;
import io.ibmcos.client.model.CopyObjectResult;
import io.ibmcos.client.model.DeleteObjectsResult;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.MetadataDirective;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.PutObjectResult;
import io.ibmcos.client.model.RetentionDirective;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.transfer.UploadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** putObject, multipartUpload, getObject, getObjectRange, headObject, deleteObject, deleteObjects, copyObject, updateMetadata, listObjects. */
public final class ObjectOperations {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectOperations.class);

    private final CosClient client;
    private final MultipartOperations multipart;
    private final ChecksumPolicy checksums;

    public ObjectOperations(CosClient client, MultipartOperations multipart, ChecksumPolicy checksums) {
        this.client = client;
        this.multipart = multipart;
        this.checksums = checksums;
    }

    public OperationResult putObject(OptionResolver opts) {
        return upload(opts, false);
    }

    /** The body as a parallel multipart upload whatever its size. */
    public OperationResult multipartUpload(OptionResolver opts) {
        return upload(opts, true);
    }

    private OperationResult upload(OptionResolver opts, boolean forceMultipart) {
        String bucket = opts.bucket();
        String key = opts.key();
        ObjectHeaders headers = ObjectHeaderMapping.objectHeaders(opts);
        RetentionOptions retention = ObjectHeaderMapping.retention(opts);
        PayloadResolver.ResolvedPayload resolved = PayloadResolver.resolve(opts.exchange());
        Payload payload = resolved.payload();
        OperationResult result = OperationResult.keepBody().withHeader(IbmCosConstants.KEY, key);
        String md5 = opts.header(IbmCosConstants.CONTENT_MD5, String.class);
        boolean md5Required = md5 == null && checksums.required(bucket);
        boolean singlePut = !forceMultipart && payload.length() >= 0
                && payload.length() <= opts.config().effectiveMultipartThreshold()
                && !(md5Required && payload instanceof Payload.Stream);
        if (singlePut) {
            if (md5 == null && (md5Required || (payload instanceof Payload.Bytes && checksums.forInMemoryBodies()))) {
                // in memory already, the checksum is cheap and protects the upload; files only where COS needs it
                md5 = Digests.contentMd5(payload);
            }
            PutObjectResult put = client.putObject(new PutObjectRequest(bucket, key, payload, headers, md5, retention));
            result.withHeader(IbmCosConstants.E_TAG, put.eTag()).withHeader(IbmCosConstants.VERSION_ID, put.versionId());
        } else {
            UploadResult upload = multipart.upload(bucket, key, payload, headers, retention, forceMultipart,
                    md5Required || md5 != null);
            result.withHeader(IbmCosConstants.E_TAG, upload.eTag())
                    .withHeader(IbmCosConstants.UPLOAD_ID, upload.uploadId())
                    .withHeader(IbmCosConstants.PART_COUNT, upload.multipart() ? upload.partCount() : null);
        }
        if (opts.config().isDeleteAfterWrite() && resolved.localFile() != null) {
            deleteLocalFile(resolved.localFile());
        }
        return result;
    }

    private static void deleteLocalFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the upload succeeded; failing the exchange now would make a retry upload the object twice
            LOG.warn("Uploaded {} but could not delete it (deleteAfterWrite): {}", file, e.getMessage());
        }
    }

    public OperationResult getObject(OptionResolver opts) {
        return download(opts, GetObjectRequest.of(opts.bucket(), opts.key()));
    }

    public OperationResult getObjectRange(OptionResolver opts) {
        String bucket = opts.bucket();
        String key = opts.key();
        Long start = opts.requiredHeader(IbmCosConstants.RANGE_START, Long.class);
        Long end = opts.header(IbmCosConstants.RANGE_END, Long.class);
        GetObjectRequest request;
        try {
            request = GetObjectRequest.of(bucket, key).withRange(start, end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid range in headers " + IbmCosConstants.RANGE_START + "/"
                    + IbmCosConstants.RANGE_END + ": " + e.getMessage(), e);
        }
        return download(opts, request);
    }

    /**
     * The body is the open stream; it is closed when the exchange completes (or fails), so a route that never reads
     * it cannot leak the HTTP connection. With stream caching on, Camel copies it first; the close still happens.
     */
    private OperationResult download(OptionResolver opts, GetObjectRequest request) {
        GetObjectResponse response = client.getObject(request);
        Exchange exchange = opts.exchange();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    response.close();
                } catch (RuntimeException e) {
                    LOG.debug("Closing the download of {} failed: {}", request.key(), e.getMessage());
                }
            }
        });
        return ObjectHeaderMapping.withMetadata(OperationResult.of(response.content()), response.metadata());
    }

    public OperationResult headObject(OptionResolver opts) {
        ObjectMetadata metadata = client.headObject(opts.bucket(), opts.key());
        return ObjectHeaderMapping.withMetadata(OperationResult.of(metadata), metadata);
    }

    public OperationResult deleteObject(OptionResolver opts) {
        String key = opts.key();
        client.deleteObject(opts.bucket(), key);
        return OperationResult.keepBody().withHeader(IbmCosConstants.KEY, key);
    }

    public OperationResult deleteObjects(OptionResolver opts) {
        String bucket = opts.bucket();
        List<String> keys = keysToDelete(opts);
        DeleteObjectsResult result = keys.isEmpty() ? new DeleteObjectsResult(List.of(), List.of())
                : client.deleteObjects(bucket, keys);
        if (!result.errors().isEmpty()) {
            throw new DeleteObjectsFailedException(bucket, result);
        }
        return OperationResult.of(result);
    }

    private static List<String> keysToDelete(OptionResolver opts) {
        Object value = opts.message().getHeader(IbmCosConstants.KEYS_TO_DELETE);
        if (value == null) {
            value = opts.message().getBody();
        }
        if (value instanceof Collection<?> c) {
            List<String> keys = new ArrayList<>(c.size());
            for (Object k : c) {
                if (k == null || k.toString().isBlank()) {
                    throw new IllegalArgumentException("deleteObjects: header " + IbmCosConstants.KEYS_TO_DELETE
                            + " contains a blank key");
                }
                keys.add(InputChecks.key(k.toString(), "header " + IbmCosConstants.KEYS_TO_DELETE));
            }
            return keys;
        }
        throw new IllegalArgumentException("deleteObjects needs the keys: set header " + IbmCosConstants.KEYS_TO_DELETE
                + " (a List of keys) or send a List body");
    }

    public OperationResult copyObject(OptionResolver opts) {
        String bucket = opts.bucket();
        String key = opts.key();
        String destinationBucket = opts.destinationBucket(bucket);
        String destinationKey = InputChecks.key(opts.requiredHeader(IbmCosConstants.DESTINATION_KEY, String.class),
                "header " + IbmCosConstants.DESTINATION_KEY);
        MetadataDirective metadataDirective = opts.header(IbmCosConstants.METADATA_DIRECTIVE, MetadataDirective.class);
        RetentionDirective retentionDirective = opts.header(IbmCosConstants.RETENTION_DIRECTIVE,
                RetentionDirective.class);
        ObjectHeaders headers = metadataDirective == MetadataDirective.REPLACE
                ? ObjectHeaderMapping.objectHeaders(opts) : null;
        RetentionOptions retention = retentionDirective == RetentionDirective.REPLACE
                ? ObjectHeaderMapping.retention(opts) : null;
        CopyObjectResult copied = client.copyObject(new CopyObjectRequest(bucket, key, destinationBucket,
                destinationKey, metadataDirective, headers, retentionDirective, retention, null));
        return copyResult(copied, destinationKey);
    }

    /**
     * COS cannot change metadata without a write: this copies the object onto itself with metadata directive REPLACE.
     * Everything is replaced, so the message must carry the complete new set (content headers included). The other
     * way, re-uploading the content with new metadata, is a putObject.
     */
    public OperationResult updateMetadata(OptionResolver opts) {
        String bucket = opts.bucket();
        String key = opts.key();
        if (!ObjectHeaderMapping.hasMetadataHeaders(opts)) {
            throw new IllegalArgumentException("updateMetadata replaces all of an object's metadata: set header "
                    + IbmCosConstants.METADATA + " (an empty map clears it) and/or the content headers ("
                    + IbmCosConstants.CONTENT_TYPE + ", ...)");
        }
        CopyObjectResult copied = client.copyObject(
                CopyObjectRequest.replaceMetadata(bucket, key, ObjectHeaderMapping.objectHeaders(opts)));
        return copyResult(copied, key);
    }

    private static OperationResult copyResult(CopyObjectResult copied, String key) {
        return OperationResult.of(copied)
                .withHeader(IbmCosConstants.E_TAG, copied.eTag())
                .withHeader(IbmCosConstants.LAST_MODIFIED, copied.lastModified())
                .withHeader(IbmCosConstants.DESTINATION_KEY, key);
    }

    public OperationResult listObjects(OptionResolver opts) {
        ListObjectsRequest request = new ListObjectsRequest(opts.bucket(),
                opts.orElse(IbmCosConstants.PREFIX, String.class, opts.config().getPrefix()),
                opts.orElse(IbmCosConstants.DELIMITER, String.class, opts.config().getDelimiter()),
                maxKeys(opts), opts.header(IbmCosConstants.CONTINUATION_TOKEN, String.class), null, false);
        ObjectListing page = client.listObjectsV2(request);
        if (!opts.config().isListAll()) {
            OperationResult result = OperationResult.of(page.objects())
                    .withHeader(IbmCosConstants.IS_TRUNCATED, page.truncated())
                    .withHeader(IbmCosConstants.COMMON_PREFIXES, page.commonPrefixes());
            // the token header carried this page in; on the last page it must go, or a loop on it never ends
            return page.truncated() && page.nextContinuationToken() != null
                    ? result.withHeader(IbmCosConstants.CONTINUATION_TOKEN, page.nextContinuationToken())
                    : result.withoutHeader(IbmCosConstants.CONTINUATION_TOKEN);
        }
        List<ObjectSummary> objects = new ArrayList<>(page.objects());
        List<String> prefixes = new ArrayList<>(page.commonPrefixes());
        while (page.truncated() && page.nextContinuationToken() != null) {
            page = client.listObjectsV2(request.withContinuationToken(page.nextContinuationToken()));
            objects.addAll(page.objects());
            prefixes.addAll(page.commonPrefixes());
        }
        return OperationResult.of(objects).withHeader(IbmCosConstants.IS_TRUNCATED, false)
                .withHeader(IbmCosConstants.COMMON_PREFIXES, prefixes)
                .withoutHeader(IbmCosConstants.CONTINUATION_TOKEN);
    }

    private static Integer maxKeys(OptionResolver opts) {
        Integer maxKeys = opts.orElse(IbmCosConstants.MAX_KEYS, Integer.class, opts.config().getMaxKeys());
        if (maxKeys != null && (maxKeys < 1 || maxKeys > 1000)) {
            throw new IllegalArgumentException("listObjects page size must be between 1 and 1000 (header "
                    + IbmCosConstants.MAX_KEYS + " or option maxKeys), but was " + maxKeys);
        }
        return maxKeys;
    }
}
