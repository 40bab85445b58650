package io.ibmcos.camel;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.model.PresignRequest;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Options of the {@code ibmcos:} component and its endpoints. The component holds a template; every endpoint works
 * on its own {@link #copy()}. Declarative on purpose: fields, accessors and the setter Javadoc that becomes the option
 * documentation. Secrets are {@code secret = true} so Camel masks them in URIs, logs and the catalog.
 */
@UriParams
public class IbmCosConfiguration extends IbmCosUploadConfiguration implements Cloneable {

    @UriPath(description = "The bucket name")
    @Metadata(required = true)
    private String bucketName;

    // ---- connection

    @UriParam(label = "common")
    private String endpointUrl;
    @UriParam(label = "common")
    private String location;
    @UriParam(label = "common,advanced", defaultValue = "true")
    private boolean forcePathStyle = true;
    @UriParam(label = "common")
    private boolean autoCreateBucket;
    @UriParam(label = "common", javaType = "java.time.Duration", defaultValue = "10000")
    private long connectTimeout = 10_000;
    @UriParam(label = "common", javaType = "java.time.Duration", defaultValue = "300000")
    private long requestTimeout = 300_000;
    @UriParam(label = "common,advanced", defaultValue = "50")
    private int maxConnections = 50;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private CosClient cosClient;

    // ---- credentials

    @UriParam(label = "security", enums = "IAM,HMAC")
    private CredentialType credentialType;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security")
    private String serviceInstanceId;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "security,advanced")
    private String iamEndpoint;

    // ---- producer

    @UriParam(label = "producer", defaultValue = "putObject")
    private IbmCosOperation operation = IbmCosOperation.putObject;
    @UriParam(label = "producer")
    private boolean allowDestructiveOperationOverride;
    @UriParam(label = "producer,security")
    private boolean allowOperationOverride;
    @UriParam(label = "producer,security")
    private boolean allowBucketOverride;
    @UriParam(label = "common,advanced", javaType = "java.time.Duration")
    private long abortIncompleteUploadsAfter;
    @UriParam(label = "producer")
    private String keyName;
    @UriParam(label = "producer")
    private boolean deleteAfterWrite;
    @UriParam(label = "common")
    private String prefix;
    @UriParam(label = "common")
    private String delimiter;
    @UriParam(label = "producer")
    private Integer maxKeys;
    @UriParam(label = "producer")
    private boolean listAll;
    @UriParam(label = "producer")
    private boolean extendedListing;
    @UriParam(label = "producer")
    private String locationConstraint;
    @UriParam(label = "producer", defaultValue = "AES256")
    private String kpEncryptionAlgorithm = "AES256";
    @UriParam(label = "producer")
    private String kpRootKeyCrn;
    @UriParam(label = "producer")
    private Long retentionPeriod;
    @UriParam(label = "producer")
    private String legalHoldId;
    @UriParam(label = "producer", enums = "GET,PUT", defaultValue = "GET")
    private PresignRequest.Method presignMethod = PresignRequest.Method.GET;
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "3600000")
    private long presignExpiry = 3_600_000;

    public String getBucketName() {
        return bucketName;
    }

    /**
     * The bucket name.
     */
    public void setBucketName(String bucketName) {
        this.bucketName = bucketName;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    /**
     * The COS endpoint URL, for example https://s3.us-south.cloud-object-storage.appdomain.cloud. Required unless a
     * cosClient is given.
     */
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = endpointUrl;
    }

    public String getLocation() {
        return location;
    }

    /**
     * The location (region) used in the HMAC signature scope, for example us-south. COS accepts any value; the default
     * is us-standard.
     */
    public void setLocation(String location) {
        this.location = location;
    }

    public boolean isForcePathStyle() {
        return forcePathStyle;
    }

    /**
     * Whether to address buckets as https://endpoint/bucket (path style, the default: works with every endpoint and
     * local emulator) instead of https://bucket.endpoint (virtual-host style).
     */
    public void setForcePathStyle(boolean forcePathStyle) {
        this.forcePathStyle = forcePathStyle;
    }

    public boolean isAutoCreateBucket() {
        return autoCreateBucket;
    }

    /**
     * Whether to create the bucket when the endpoint starts and the bucket does not exist (using locationConstraint
     * and the Key Protect options). Default false: a missing bucket then fails the first operation.
     */
    public void setAutoCreateBucket(boolean autoCreateBucket) {
        this.autoCreateBucket = autoCreateBucket;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * The TCP/TLS connect timeout of a client built by the endpoint, in milliseconds (or a duration such as 10s).
     * Default 10 seconds.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * How long one request may wait for the response headers, in milliseconds (or a duration such as 5m); 0 means no
     * limit. Default 5 minutes.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The most requests a client built by the endpoint has in flight at once, open download streams included.
     * Default 50.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public CosClient getCosClient() {
        return cosClient;
    }

    /**
     * A ready CosClient to use instead of building one from the options. The component never closes a client it was
     * given (or found in the registry); a client it builds is closed when the endpoint stops.
     */
    public void setCosClient(CosClient cosClient) {
        this.cosClient = cosClient;
    }

    public CredentialType getCredentialType() {
        return credentialType;
    }

    /**
     * IAM (API key, bearer tokens) or HMAC (access key and secret key, Signature V4). Inferred from the credentials
     * given when unset; when neither kind is given, credentials come from the environment and the credential files
     * (~/.bluemix/cos_credentials, ~/.aws/credentials), preferring this type when set.
     */
    public void setCredentialType(CredentialType credentialType) {
        this.credentialType = credentialType;
    }

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The IBM Cloud IAM API key (IAM authentication). In URIs write it as RAW(value): API keys may contain characters that URIs reserve.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getServiceInstanceId() {
        return serviceInstanceId;
    }

    /**
     * The COS service instance id (GUID or CRN); IAM only, needed by listBuckets and createBucket.
     */
    public void setServiceInstanceId(String serviceInstanceId) {
        this.serviceInstanceId = serviceInstanceId;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * The HMAC access key id (HMAC authentication).
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * The HMAC secret access key (HMAC authentication). In URIs write it as RAW(value): secret keys may contain characters that URIs reserve.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getIamEndpoint() {
        return iamEndpoint;
    }

    /**
     * The IAM token URL; default https://iam.cloud.ibm.com/identity/token. A URL without a path gets /identity/token.
     */
    public void setIamEndpoint(String iamEndpoint) {
        this.iamEndpoint = iamEndpoint;
    }

    public IbmCosOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform; default putObject. The CamelIbmCosOperation header overrides it only when
     * allowOperationOverride (or, for destructive operations, allowDestructiveOperationOverride) is true.
     */
    public void setOperation(IbmCosOperation operation) {
        this.operation = operation;
    }

    public boolean isAllowDestructiveOperationOverride() {
        return allowDestructiveOperationOverride;
    }

    /**
     * Whether the CamelIbmCosOperation header may select a destructive operation (deleteObject, deleteObjects,
     * deleteBucket, deleteLegalHold, extendRetention, putBucketProtectionConfiguration) other than the endpoint's own
     * operation. Default false: such a header fails the exchange instead of deleting data. True implies
     * allowOperationOverride.
     */
    public void setAllowDestructiveOperationOverride(boolean allowDestructiveOperationOverride) {
        this.allowDestructiveOperationOverride = allowDestructiveOperationOverride;
    }

    public boolean isAllowOperationOverride() {
        return allowOperationOverride;
    }

    /**
     * Whether the CamelIbmCosOperation header may select a non-destructive operation other than the endpoint's own.
     * Default false: headers can come from an untrusted source (an HTTP or messaging consumer upstream), so such a
     * header fails the exchange. Destructive operations also need allowDestructiveOperationOverride.
     */
    public void setAllowOperationOverride(boolean allowOperationOverride) {
        this.allowOperationOverride = allowOperationOverride;
    }

    public boolean isAllowBucketOverride() {
        return allowBucketOverride;
    }

    /**
     * Whether the CamelIbmCosBucketName and CamelIbmCosDestinationBucketName headers may select a bucket other than
     * the endpoint's. Default false: such headers are ignored (logged once at WARN) and the endpoint's bucket is used,
     * so an upstream consumer or an untrusted caller cannot redirect reads or writes to another bucket.
     */
    public void setAllowBucketOverride(boolean allowBucketOverride) {
        this.allowBucketOverride = allowBucketOverride;
    }

    public long getAbortIncompleteUploadsAfter() {
        return abortIncompleteUploadsAfter;
    }

    /**
     * When the endpoint starts, abort the incomplete multipart uploads under its bucket (and prefix, if set) that were
     * initiated longer ago than this duration, e.g. 24h, and log each one. An uploader killed mid-upload never sends
     * its abort, and COS keeps the parts until someone does. Choose a duration longer than the longest upload, since
     * other replicas may be uploading. Default: off.
     */
    public void setAbortIncompleteUploadsAfter(long abortIncompleteUploadsAfter) {
        this.abortIncompleteUploadsAfter = abortIncompleteUploadsAfter;
    }

    public String getKeyName() {
        return keyName;
    }

    /**
     * The object key for object operations; the CamelIbmCosKey header overrides it.
     */
    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    public boolean isDeleteAfterWrite() {
        return deleteAfterWrite;
    }

    /**
     * Whether putObject deletes the local file (File, Path or file-component body) after a successful upload.
     */
    public void setDeleteAfterWrite(boolean deleteAfterWrite) {
        this.deleteAfterWrite = deleteAfterWrite;
    }

    public String getPrefix() {
        return prefix;
    }

    /**
     * Only list keys starting with this prefix (consumer; listObjects; listBuckets with extendedListing). The
     * CamelIbmCosPrefix header overrides it for listObjects.
     */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getDelimiter() {
        return delimiter;
    }

    /**
     * Group keys by this delimiter, usually / (listObjects; the groups come back in CamelIbmCosCommonPrefixes). The
     * consumer then emits only the objects directly under the prefix, not those in deeper "folders".
     */
    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public Integer getMaxKeys() {
        return maxKeys;
    }

    /**
     * The page size of listObjects, 1 to 1000 (server default 1000). The CamelIbmCosMaxKeys header overrides it.
     */
    public void setMaxKeys(Integer maxKeys) {
        this.maxKeys = maxKeys;
    }

    public boolean isListAll() {
        return listAll;
    }

    /**
     * Whether listObjects follows the continuation tokens and returns every object of the listing instead of one page.
     */
    public void setListAll(boolean listAll) {
        this.listAll = listAll;
    }

    public boolean isExtendedListing() {
        return extendedListing;
    }

    /**
     * Whether listBuckets uses IBM's extended bucket listing, which reports each bucket's location
     * constraint.
     */
    public void setExtendedListing(boolean extendedListing) {
        this.extendedListing = extendedListing;
    }

    public String getLocationConstraint() {
        return locationConstraint;
    }

    /**
     * The provisioning code of a new bucket (createBucket, autoCreateBucket), for example us-south-smart or
     * us-south-cold: in COS this chooses the storage class, which is set per bucket, not per object. It must match the
     * endpoint's location.
     */
    public void setLocationConstraint(String locationConstraint) {
        this.locationConstraint = locationConstraint;
    }

    public String getKpEncryptionAlgorithm() {
        return kpEncryptionAlgorithm;
    }

    /**
     * The Key Protect encryption algorithm of a new bucket (ibm-sse-kp-encryption-algorithm); used with kpRootKeyCrn.
     * Default AES256.
     */
    public void setKpEncryptionAlgorithm(String kpEncryptionAlgorithm) {
        this.kpEncryptionAlgorithm = kpEncryptionAlgorithm;
    }

    public String getKpRootKeyCrn() {
        return kpRootKeyCrn;
    }

    /**
     * The CRN of the Key Protect or Hyper Protect Crypto Services root key that encrypts a new bucket
     * (ibm-sse-kp-customer-root-key-crn); createBucket and autoCreateBucket.
     */
    public void setKpRootKeyCrn(String kpRootKeyCrn) {
        this.kpRootKeyCrn = kpRootKeyCrn;
    }

    public Long getRetentionPeriod() {
        return retentionPeriod;
    }

    /**
     * The retention period in seconds given to objects written by putObject (-1 indefinite, -2 permanent); unset, the
     * bucket's default retention applies. The CamelIbmCosRetentionPeriod header overrides it.
     */
    public void setRetentionPeriod(Long retentionPeriod) {
        this.retentionPeriod = retentionPeriod;
    }

    public String getLegalHoldId() {
        return legalHoldId;
    }

    /**
     * The legal hold id for addLegalHold and deleteLegalHold, also applied to objects written by putObject. The
     * CamelIbmCosLegalHoldId header overrides it.
     */
    public void setLegalHoldId(String legalHoldId) {
        this.legalHoldId = legalHoldId;
    }

    public PresignRequest.Method getPresignMethod() {
        return presignMethod;
    }

    /**
     * The HTTP method a presigned URL allows, GET (download) or PUT (upload). Default GET.
     */
    public void setPresignMethod(PresignRequest.Method presignMethod) {
        this.presignMethod = presignMethod;
    }

    public long getPresignExpiry() {
        return presignExpiry;
    }

    /**
     * How long a presigned URL stays valid, in milliseconds (or a duration such as 15m), 1 second to 7 days.
     * Default 1 hour.
     */
    public void setPresignExpiry(long presignExpiry) {
        this.presignExpiry = presignExpiry;
    }

    /** A copy for one endpoint, so endpoint options never leak into the component's template. */
    public IbmCosConfiguration copy() {
        try {
            // every field is immutable or a shared service (cosClient, idempotentRepository), so a shallow copy is a
            // full copy
            return (IbmCosConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
