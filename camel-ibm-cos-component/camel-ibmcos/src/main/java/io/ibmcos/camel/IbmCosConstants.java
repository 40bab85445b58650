package io.ibmcos.camel;

import org.apache.camel.spi.Metadata;

/**
 * Message headers read and set by the {@code ibmcos:} component. The names are public API.
 *
 * <p>Naming: {@code "CamelIbmCos" + Feature}. Camel's convention would turn the scheme {@code ibmcos} into
 * {@code CamelIbmcos…}; we treat "IBM COS" as two words, as IBM's own documentation and the Apache Kamelet do,
 * because {@code CamelIbmCosKey} reads better than {@code CamelIbmcosKey}. The {@code Camel} prefix matters: Camel's
 * default header filter strips {@code Camel*} headers arriving from outside (HTTP, JMS...), so a remote caller
 * cannot choose the operation or the bucket. Each description starts with the operations it applies to.
 */
public final class IbmCosConstants {

    // ---- selection

    @Metadata(label = "producer", description = "(all) The operation to perform instead of the endpoint's; honoured "
            + "only with allowOperationOverride=true (destructive operations: allowDestructiveOperationOverride=true).",
              javaType = "io.ibmcos.camel.IbmCosOperation")
    public static final String OPERATION = "CamelIbmCosOperation";
    @Metadata(label = "common", description = "(all) The bucket to use instead of the endpoint's bucket; honoured only "
            + "with allowBucketOverride=true. (consumer) Out: the bucket of the consumed object.", javaType = "String")
    public static final String BUCKET_NAME = "CamelIbmCosBucketName";
    @Metadata(label = "common", description = "(object operations) The object key; overrides the keyName option. "
            + "Set on the reply of putObject, getObject and headObject. (consumer) Out: the consumed object's key "
            + "(also in CamelFileName).", javaType = "String")
    public static final String KEY = "CamelIbmCosKey";
    @Metadata(label = "producer", description = "(copyObject) The destination bucket (honoured only with "
            + "allowBucketOverride=true); defaults to the source bucket.",
              javaType = "String")
    public static final String DESTINATION_BUCKET_NAME = "CamelIbmCosDestinationBucketName";
    @Metadata(label = "producer", description = "(copyObject) The destination key; required.", javaType = "String")
    public static final String DESTINATION_KEY = "CamelIbmCosDestinationKey";

    // ---- object metadata

    @Metadata(label = "common", description = "(putObject, getObject, headObject, consumer with includeBody or "
            + "includeUserMetadata) Out: the object's version id, when the bucket is versioned.", javaType = "String")
    public static final String VERSION_ID = "CamelIbmCosVersionId";
    @Metadata(label = "common", description = "(putObject, getObject, getObjectRange, headObject, copyObject, "
            + "updateMetadata, consumer) Out: the object's ETag, without quotes.", javaType = "String")
    public static final String E_TAG = "CamelIbmCosETag";
    @Metadata(label = "common", description = "(getObject, getObjectRange, headObject, copyObject, consumer) Out: "
            + "when the object was last modified.", javaType = "java.time.Instant")
    public static final String LAST_MODIFIED = "CamelIbmCosLastModified";
    @Metadata(label = "common", description = "(putObject, updateMetadata, copyObject with REPLACE) In: the "
            + "Content-Type to store. (getObject, headObject, consumer with includeBody or includeUserMetadata) Out: the "
            + "stored Content-Type.", javaType = "String")
    public static final String CONTENT_TYPE = "CamelIbmCosContentType";
    @Metadata(label = "common", description = "(putObject) In: the length of an InputStream body in bytes, so it "
            + "can go as one PUT. (getObject, getObjectRange, headObject, consumer) Out: the length in bytes.",
              javaType = "Long")
    public static final String CONTENT_LENGTH = "CamelIbmCosContentLength";
    @Metadata(label = "common", description = "(putObject, updateMetadata, copyObject with REPLACE) In: the "
            + "Content-Encoding to store. (getObject, headObject, consumer with includeBody or "
            + "includeUserMetadata) Out.", javaType = "String")
    public static final String CONTENT_ENCODING = "CamelIbmCosContentEncoding";
    @Metadata(label = "common", description = "(putObject, updateMetadata, copyObject with REPLACE) In: the "
            + "Content-Disposition to store. (getObject, headObject, consumer with includeBody or "
            + "includeUserMetadata) Out.", javaType = "String")
    public static final String CONTENT_DISPOSITION = "CamelIbmCosContentDisposition";
    @Metadata(label = "common", description = "(putObject, updateMetadata, copyObject with REPLACE) In: the "
            + "Content-Language to store. (getObject, headObject, consumer with includeBody or "
            + "includeUserMetadata) Out.", javaType = "String")
    public static final String CONTENT_LANGUAGE = "CamelIbmCosContentLanguage";
    @Metadata(label = "producer", description = "(putObject) In: the base64 MD5 of the body, sent as Content-MD5 "
            + "(computed automatically for String and byte[] bodies).", javaType = "String")
    public static final String CONTENT_MD5 = "CamelIbmCosContentMD5";
    @Metadata(label = "common", description = "(putObject, updateMetadata, copyObject with REPLACE) In: the "
            + "Cache-Control to store. (getObject, headObject, consumer with includeBody or "
            + "includeUserMetadata) Out.", javaType = "String")
    public static final String CACHE_CONTROL = "CamelIbmCosCacheControl";
    @Metadata(label = "common", description = "(putObject, updateMetadata, copyObject with REPLACE) In: user "
            + "metadata sent as x-amz-meta-* headers. (getObject, headObject, consumer with includeBody or "
            + "includeUserMetadata) Out.",
              javaType = "java.util.Map<String, String>")
    public static final String METADATA = "CamelIbmCosMetadata";
    @Metadata(label = "producer", description = "(copyObject) COPY (default) keeps the source's metadata; REPLACE "
            + "stores the content headers and CamelIbmCosMetadata of the message instead.",
              javaType = "io.ibmcos.client.model.MetadataDirective")
    public static final String METADATA_DIRECTIVE = "CamelIbmCosMetadataDirective";
    @Metadata(label = "common", description = "(getObject, headObject, consumer) Out: the object's storage class, "
            + "when COS reports one.", javaType = "String")
    public static final String STORAGE_CLASS = "CamelIbmCosStorageClass";

    // ---- ranges and listings

    @Metadata(label = "producer", description = "(getObjectRange) The first byte to read (0-based, inclusive); "
            + "required.", javaType = "Long")
    public static final String RANGE_START = "CamelIbmCosRangeStart";
    @Metadata(label = "producer", description = "(getObjectRange) The last byte to read (inclusive); unset reads to "
            + "the end of the object.", javaType = "Long")
    public static final String RANGE_END = "CamelIbmCosRangeEnd";
    @Metadata(label = "producer", description = "(listObjects, listBuckets with extendedListing) Only keys (bucket "
            + "names) starting with this prefix; overrides the prefix option.", javaType = "String")
    public static final String PREFIX = "CamelIbmCosPrefix";
    @Metadata(label = "producer", description = "(listObjects) Groups keys by this delimiter; overrides the "
            + "delimiter option.", javaType = "String")
    public static final String DELIMITER = "CamelIbmCosDelimiter";
    @Metadata(label = "producer", description = "(listObjects) The page size, 1 to 1000; overrides the maxKeys "
            + "option.", javaType = "Integer")
    public static final String MAX_KEYS = "CamelIbmCosMaxKeys";
    @Metadata(label = "producer", description = "(listObjects) In: the token of the page to read. Out: the token of "
            + "the next page, when the listing is truncated.", javaType = "String")
    public static final String CONTINUATION_TOKEN = "CamelIbmCosContinuationToken";
    @Metadata(label = "producer", description = "(listObjects) Out: whether more pages follow.", javaType = "Boolean")
    public static final String IS_TRUNCATED = "CamelIbmCosIsTruncated";
    @Metadata(label = "producer", description = "(listObjects) Out: the common prefixes (\"folders\") when a "
            + "delimiter is used.", javaType = "java.util.List<String>")
    public static final String COMMON_PREFIXES = "CamelIbmCosCommonPrefixes";
    @Metadata(label = "producer", description = "(deleteObjects) The keys to delete (any number; sent in batches of "
            + "1000). A List body is used when the header is absent.", javaType = "java.util.List<String>")
    public static final String KEYS_TO_DELETE = "CamelIbmCosKeysToDelete";

    // ---- buckets

    @Metadata(label = "producer", description = "(headBucket) Out: true when the bucket exists, false when COS "
            + "answers 404.", javaType = "Boolean")
    public static final String BUCKET_EXISTS = "CamelIbmCosBucketExists";
    @Metadata(label = "producer", description = "(headBucket) Out: whether the bucket is encrypted with a Key "
            + "Protect or Hyper Protect Crypto Services root key.", javaType = "Boolean")
    public static final String KEY_PROTECT_ENABLED = "CamelIbmCosKeyProtectEnabled";
    @Metadata(label = "producer", description = "(headBucket) Out: the id of the bucket's Key Protect root key.",
              javaType = "String")
    public static final String KEY_PROTECT_ROOT_KEY_ID = "CamelIbmCosKeyProtectRootKeyId";

    // ---- multipart

    @Metadata(label = "producer", description = "(putObject, multipartUpload) Out: the upload id, when the body went as a multipart "
            + "upload.", javaType = "String")
    public static final String UPLOAD_ID = "CamelIbmCosUploadId";
    @Metadata(label = "producer", description = "(putObject, multipartUpload) Out: the number of parts, when the body went as a "
            + "multipart upload.", javaType = "Integer")
    public static final String PART_COUNT = "CamelIbmCosPartCount";

    // ---- IBM Immutable Object Storage

    @Metadata(label = "producer", description = "(addLegalHold, deleteLegalHold) The legal hold id; overrides the "
            + "legalHoldId option. (putObject, copyObject with retention directive REPLACE) Sent as "
            + "Retention-Legal-Hold-ID.", javaType = "String")
    public static final String LEGAL_HOLD_ID = "CamelIbmCosLegalHoldId";
    @Metadata(label = "producer", description = "(listLegalHolds) Out: the object's legal holds (the body holds the "
            + "same list).", javaType = "java.util.List<io.ibmcos.client.model.LegalHold>")
    public static final String LEGAL_HOLDS = "CamelIbmCosLegalHolds";
    @Metadata(label = "producer", description = "(putObject, copyObject with retention directive REPLACE) In: the "
            + "retention period in seconds (-1 indefinite, -2 permanent); overrides the retentionPeriod option. "
            + "(getObject, headObject, listLegalHolds) Out.", javaType = "Long")
    public static final String RETENTION_PERIOD = "CamelIbmCosRetentionPeriod";
    @Metadata(label = "producer", description = "(putObject, copyObject with retention directive REPLACE) In: retain "
            + "until this date (an Instant, Date or ISO-8601 string). (getObject, headObject, listLegalHolds) Out.",
              javaType = "java.time.Instant")
    public static final String RETENTION_EXPIRATION_DATE = "CamelIbmCosRetentionExpirationDate";
    @Metadata(label = "producer", description = "(getObject, headObject) Out: how many legal holds the object has.",
              javaType = "Integer")
    public static final String RETENTION_LEGAL_HOLD_COUNT = "CamelIbmCosRetentionLegalHoldCount";
    @Metadata(label = "producer", description = "(copyObject) COPY (default) keeps the source's retention and legal "
            + "holds; REPLACE applies the retention headers of the message.",
              javaType = "io.ibmcos.client.model.RetentionDirective")
    public static final String RETENTION_DIRECTIVE = "CamelIbmCosRetentionDirective";
    @Metadata(label = "producer", description = "(extendRetention) Seconds to add to the current retention period.",
              javaType = "Long")
    public static final String ADDITIONAL_RETENTION_PERIOD = "CamelIbmCosAdditionalRetentionPeriod";
    @Metadata(label = "producer", description = "(extendRetention) Retain until now plus this many seconds.",
              javaType = "Long")
    public static final String EXTEND_RETENTION_FROM_CURRENT_TIME = "CamelIbmCosExtendRetentionFromCurrentTime";
    @Metadata(label = "producer", description = "(extendRetention) The new retention period in seconds, counted from "
            + "the object's creation.", javaType = "Long")
    public static final String NEW_RETENTION_PERIOD = "CamelIbmCosNewRetentionPeriod";
    @Metadata(label = "producer", description = "(extendRetention) The new retention expiration date (an Instant, "
            + "Date or ISO-8601 string).", javaType = "java.time.Instant")
    public static final String NEW_RETENTION_EXPIRATION_DATE = "CamelIbmCosNewRetentionExpirationDate";
    @Metadata(label = "producer", description = "(putBucketProtectionConfiguration) In: the minimum retention in "
            + "days. (getBucketProtectionConfiguration) Out.", javaType = "Integer")
    public static final String MINIMUM_RETENTION_DAYS = "CamelIbmCosMinimumRetentionDays";
    @Metadata(label = "producer", description = "(putBucketProtectionConfiguration) In: the default retention in "
            + "days. (getBucketProtectionConfiguration) Out.", javaType = "Integer")
    public static final String DEFAULT_RETENTION_DAYS = "CamelIbmCosDefaultRetentionDays";
    @Metadata(label = "producer", description = "(putBucketProtectionConfiguration) In: the maximum retention in "
            + "days. (getBucketProtectionConfiguration) Out.", javaType = "Integer")
    public static final String MAXIMUM_RETENTION_DAYS = "CamelIbmCosMaximumRetentionDays";
    @Metadata(label = "producer", description = "(putBucketProtectionConfiguration) In: allow permanent retention "
            + "(irreversible). (getBucketProtectionConfiguration) Out.", javaType = "Boolean")
    public static final String ENABLE_PERMANENT_RETENTION = "CamelIbmCosEnablePermanentRetention";
    @Metadata(label = "producer", description = "(getBucketProtectionConfiguration) Out: Retention or Disabled.",
              javaType = "String")
    public static final String PROTECTION_STATUS = "CamelIbmCosProtectionStatus";

    // ---- presigned URLs

    @Metadata(label = "producer", description = "(createPresignedUrl) GET or PUT; overrides the presignMethod option.",
              javaType = "String")
    public static final String PRESIGN_METHOD = "CamelIbmCosPresignMethod";
    @Metadata(label = "producer", description = "(createPresignedUrl) How long the URL is valid, in seconds (1 to "
            + "604800); overrides the presignExpiry option.", javaType = "Long")
    public static final String PRESIGN_EXPIRY = "CamelIbmCosPresignExpiry";

    // ---- Aspera

    @Metadata(label = "producer", description = "(asperaUpload) The local file or folder to upload when the body is "
            + "not a File, Path or GenericFile. (asperaDownload) The local file or folder to write. Overrides the "
            + "asperaLocalPath option.", javaType = "String")
    public static final String ASPERA_LOCAL_PATH = "CamelIbmCosAsperaLocalPath";
    @Metadata(label = "producer", description = "(asperaUpload, asperaDownload) Out: the transfer id shared by all "
            + "ascp sessions of the transfer.", javaType = "String")
    public static final String ASPERA_TRANSFER_ID = "CamelIbmCosAsperaTransferId";
    @Metadata(label = "producer", description = "(asperaUpload, asperaDownload) Out: bytes transferred.",
              javaType = "Long")
    public static final String ASPERA_BYTES = "CamelIbmCosAsperaBytes";
    @Metadata(label = "producer", description = "(asperaUpload, asperaDownload) Out: files transferred.",
              javaType = "Integer")
    public static final String ASPERA_FILES = "CamelIbmCosAsperaFiles";
    @Metadata(label = "producer", description = "(asperaUpload, asperaDownload) Out: how long the transfer took, in "
            + "milliseconds.", javaType = "Long")
    public static final String ASPERA_ELAPSED = "CamelIbmCosAsperaElapsed";
    @Metadata(label = "producer", description = "(asperaUpload, asperaDownload) Out: the engine that ran: ascp, or "
            + "multipart when asperaFallback=multipart replaced a missing ascp.", javaType = "String")
    public static final String ASPERA_ENGINE = "CamelIbmCosAsperaEngine";

    private IbmCosConstants() {
    }
}
