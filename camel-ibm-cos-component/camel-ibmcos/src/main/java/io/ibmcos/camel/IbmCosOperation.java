package io.ibmcos.camel;

/**
 * The producer operations of the {@code ibmcos:} component. Constants are lowerCamelCase and equal to the URI
 * value ({@code operation=putObject}); the Javadoc of each constant is what the component documentation shows.
 */
public enum IbmCosOperation {

    /** Uploads the message body as an object (the default operation). Bodies of unknown length go as a multipart upload. */
    putObject,
    /**
     * Uploads the message body as a parallel multipart upload whatever its size (putObject does so automatically
     * above multipartThreshold); sets CamelIbmCosUploadId and CamelIbmCosPartCount.
     */
    multipartUpload,
    /** Downloads an object; the body is a stream that is closed when the exchange completes. */
    getObject,
    /** Downloads a byte range of an object (headers CamelIbmCosRangeStart and CamelIbmCosRangeEnd). */
    getObjectRange,
    /** Reads an object's metadata into headers without downloading it. */
    headObject,
    /** Deletes one object. */
    deleteObject,
    /** Deletes many objects (header CamelIbmCosKeysToDelete or a list body), in batches of 1000. */
    deleteObjects,
    /** Copies an object server-side, optionally replacing its metadata or retention. */
    copyObject,
    /** Replaces an object's metadata in place (a copy onto itself with metadata directive REPLACE). */
    updateMetadata,
    /** Lists objects (ListObjectsV2): one page with a continuation token, or every page with listAll=true. */
    listObjects,
    /** Lists the buckets of the service instance (with their location when extendedListing=true). */
    listBuckets,
    /** Creates a bucket, optionally with a location constraint and Key Protect encryption. */
    createBucket,
    /** Deletes an empty bucket. */
    deleteBucket,
    /** Checks whether a bucket exists (header CamelIbmCosBucketExists) and reads its Key Protect state. */
    headBucket,
    /** Sets a bucket's IBM Immutable Object Storage retention policy (irreversible for permanent retention). */
    putBucketProtectionConfiguration,
    /** Reads a bucket's IBM Immutable Object Storage retention policy. */
    getBucketProtectionConfiguration,
    /** Adds a legal hold to an object. */
    addLegalHold,
    /** Removes a legal hold from an object. */
    deleteLegalHold,
    /** Lists an object's legal holds and retention state. */
    listLegalHolds,
    /** Extends an object's retention; exactly one of the four extension headers must be set. */
    extendRetention,
    /** Creates a presigned GET or PUT URL (HMAC credentials only); the body is the URL. */
    createPresignedUrl,
    /**
     * Uploads a file or a folder with Aspera (ascp; IAM credentials only): the body (File, Path, GenericFile) or
     * header CamelIbmCosAsperaLocalPath to the key or prefix CamelIbmCosKey.
     */
    asperaUpload,
    /**
     * Downloads an object, or every object under a prefix ending with /, with Aspera (ascp; IAM credentials only) to
     * the local file or folder of header CamelIbmCosAsperaLocalPath or option asperaLocalPath.
     */
    asperaDownload;

    /**
     * Operations that remove data or protection, or that cannot be undone. A {@code CamelIbmCosOperation} header
     * may only select one of these when the endpoint sets {@code allowDestructiveOperationOverride=true}: a header
     * that travelled further than intended must not turn a harmless route into a delete.
     */
    public boolean isDestructive() {
        return switch (this) {
            case deleteObject, deleteObjects, deleteBucket, deleteLegalHold, extendRetention,
                    putBucketProtectionConfiguration -> true;
            default -> false;
        };
    }
}
