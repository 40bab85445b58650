package io.ibmcos.client;

import io.ibmcos.client.auth.CosCredentials;
import io.ibmcos.client.auth.CredentialsChain;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.IamTokenCache;
import io.ibmcos.client.auth.SigV4Signer;
import io.ibmcos.client.error.CosException;
import io.ibmcos.client.http.Authenticator;
import io.ibmcos.client.http.CosUris;
import io.ibmcos.client.http.HttpTransport;
import io.ibmcos.client.http.JdkHttpTransport;
import io.ibmcos.client.http.RequestExecutor;
import io.ibmcos.client.model.BucketListing;
import io.ibmcos.client.model.BucketMetadata;
import io.ibmcos.client.model.CompleteMultipartUploadRequest;
import io.ibmcos.client.model.CompleteMultipartUploadResult;
import io.ibmcos.client.model.CompletedPart;
import io.ibmcos.client.model.CopyObjectRequest;
import io.ibmcos.client.model.CopyObjectResult;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.CreateMultipartUploadRequest;
import io.ibmcos.client.model.DeleteObjectsResult;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ListBucketsExtendedRequest;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.MultipartUpload;
import io.ibmcos.client.model.MultipartUploadListing;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.PartListing;
import io.ibmcos.client.model.PresignRequest;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.PutObjectResult;
import io.ibmcos.client.model.RetentionExtension;
import io.ibmcos.client.model.RetentionState;
import io.ibmcos.client.model.UploadPartRequest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link CosClient} over HTTP. Wires the transport, the authenticator (IAM bearer or SigV4) and the request
 * executor; each call is delegated to a small per-area class that builds the request and parses the answer.
 */
public final class DefaultCosClient implements CosClient {

    private final CosClientConfig config;
    private final CosCredentials credentials;
    private final HttpTransport transport;
    private final IamTokenCache ownedTokenCache;
    private final RequestExecutor executor;
    private final SigV4Signer signer;
    private final CosUris uris;
    private final BucketCalls buckets;
    private final ObjectCalls objects;
    private final MultipartCalls multipart;
    private final ImmutabilityCalls immutability;
    private final AtomicBoolean closed = new AtomicBoolean();

    public DefaultCosClient(CosClientConfig config) {
        this(config, new JdkHttpTransport(config.connectTimeout()), Thread::sleep);
    }

    /** With a caller's transport (tests, or a tuned HTTP client); the transport is closed with this client. */
    public DefaultCosClient(CosClientConfig config, HttpTransport transport, RequestExecutor.Sleeper sleeper) {
        this.config = config;
        this.credentials = config.credentials() != null ? config.credentials() : resolveFromChain();
        this.transport = transport;
        this.uris = new CosUris(config.endpoint(), config.pathStyle());
        Authenticator authenticator;
        if (credentials instanceof HmacCredentials hmac) {
            this.signer = new SigV4Signer(hmac, config.location());
            this.ownedTokenCache = null;
            authenticator = new SigV4Authenticator(signer, config.clock());
        } else {
            IamCredentials iam = (IamCredentials) credentials;
            this.signer = null;
            this.ownedTokenCache = config.iamTokenCache() == null ? new IamTokenCache() : null;
            IamTokenCache cache = config.iamTokenCache() != null ? config.iamTokenCache() : ownedTokenCache;
            authenticator = new BearerAuthenticator(cache.manager(iam), iam.serviceInstanceId());
        }
        this.executor = new RequestExecutor(transport, uris, authenticator, config.retryPolicy(),
                config.requestTimeout(), config.maxConnections(), config.clock(), sleeper, config.userAgent());
        this.buckets = new BucketCalls(executor);
        this.objects = new ObjectCalls(executor);
        this.multipart = new MultipartCalls(executor);
        this.immutability = new ImmutabilityCalls(executor);
    }

    private static CosCredentials resolveFromChain() {
        return CredentialsChain.fromSystem().resolve(null)
                .orElseThrow(() -> new CosException("No COS credentials: give an API key (IAM) or an access key and "
                        + "secret key (HMAC), or set IBM_API_KEY_ID / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or "
                        + "provide ~/.bluemix/cos_credentials or ~/.aws/credentials"))
                .credentials();
    }

    public CosClientConfig config() {
        return config;
    }

    /** The kind of credentials in use (never the secrets themselves). */
    public io.ibmcos.client.auth.CredentialType credentialType() {
        return credentials.type();
    }

    /** Responses and download streams not yet closed: a leak detector for callers and tests. */
    public int openResponses() {
        return executor.openResponses();
    }

    @Override
    public BucketListing listBuckets() {
        return buckets.list();
    }

    @Override
    public BucketListing listBucketsExtended(ListBucketsExtendedRequest request) {
        return buckets.listExtended(request);
    }

    @Override
    public void createBucket(CreateBucketRequest request) {
        buckets.create(request);
    }

    @Override
    public BucketMetadata headBucket(String bucket) {
        return buckets.head(bucket);
    }

    @Override
    public void deleteBucket(String bucket) {
        buckets.delete(bucket);
    }

    @Override
    public PutObjectResult putObject(PutObjectRequest request) {
        return objects.put(request);
    }

    @Override
    public GetObjectResponse getObject(GetObjectRequest request) {
        return objects.get(request);
    }

    @Override
    public ObjectMetadata headObject(String bucket, String key) {
        return objects.head(bucket, key);
    }

    @Override
    public void deleteObject(String bucket, String key) {
        objects.delete(bucket, key);
    }

    @Override
    public CopyObjectResult copyObject(CopyObjectRequest request) {
        return objects.copy(request);
    }

    @Override
    public ObjectListing listObjectsV2(ListObjectsRequest request) {
        return objects.listV2(request);
    }

    @Override
    public ObjectListing listObjects(ListObjectsRequest request) {
        return objects.listV1(request);
    }

    @Override
    public DeleteObjectsResult deleteObjects(String bucket, List<String> keys) {
        return objects.deleteMany(bucket, keys);
    }

    @Override
    public MultipartUpload createMultipartUpload(CreateMultipartUploadRequest request) {
        return multipart.create(request);
    }

    @Override
    public CompletedPart uploadPart(UploadPartRequest request) {
        return multipart.uploadPart(request);
    }

    @Override
    public CompleteMultipartUploadResult completeMultipartUpload(CompleteMultipartUploadRequest request) {
        return multipart.complete(request);
    }

    @Override
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        multipart.abort(bucket, key, uploadId);
    }

    @Override
    public PartListing listParts(String bucket, String key, String uploadId, Integer maxParts,
            Integer partNumberMarker) {
        return multipart.listParts(bucket, key, uploadId, maxParts, partNumberMarker);
    }

    @Override
    public MultipartUploadListing listMultipartUploads(ListMultipartUploadsRequest request) {
        return multipart.listUploads(request);
    }

    @Override
    public void putBucketProtectionConfiguration(String bucket, ProtectionConfiguration configuration) {
        immutability.putProtection(bucket, configuration);
    }

    @Override
    public ProtectionConfiguration getBucketProtectionConfiguration(String bucket) {
        return immutability.getProtection(bucket);
    }

    @Override
    public void addLegalHold(String bucket, String key, String legalHoldId) {
        immutability.addLegalHold(bucket, key, legalHoldId);
    }

    @Override
    public void deleteLegalHold(String bucket, String key, String legalHoldId) {
        immutability.deleteLegalHold(bucket, key, legalHoldId);
    }

    @Override
    public RetentionState listLegalHolds(String bucket, String key) {
        return immutability.listLegalHolds(bucket, key);
    }

    @Override
    public void extendRetention(String bucket, String key, RetentionExtension extension) {
        immutability.extendRetention(bucket, key, extension);
    }

    @Override
    public io.ibmcos.client.aspera.FaspConnectionInfo getFaspConnectionInfo(String bucket) {
        Validation.bucketName(bucket);
        return io.ibmcos.client.aspera.FaspConnectionInfo.parse(executor.executeForBody(
                io.ibmcos.client.http.CosRequest.builder("GET").operation("GetFaspConnectionInfo").bucket(bucket)
                        .flag("faspConnectionInfo").build()));
    }

    @Override
    public URI createPresignedUrl(PresignRequest request) {
        if (signer == null) {
            throw new IllegalStateException("Presigned URLs need HMAC credentials (access key and secret key); "
                    + "this client authenticates with an IAM API key");
        }
        Validation.bucketName(request.bucket());
        Validation.key(request.key());
        URI unsigned = uris.uri(request.bucket(), request.key(), List.of());
        return signer.presign(request.method().name(), unsigned, request.expiry(), config.clock().instant());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
            if (ownedTokenCache != null) {
                ownedTokenCache.close();
            }
        }
    }

    @Override
    public String toString() {
        return "DefaultCosClient[" + config.endpoint() + ", " + credentials.type() + "]";
    }
}
