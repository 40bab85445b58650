package io.ibmcos.client;

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

/**
 * IBM Cloud Object Storage, one method per REST call. Records in, records out; failures are
 * {@link io.ibmcos.client.error.CosServiceException} (COS answered with an error),
 * {@link io.ibmcos.client.error.CosClientException} (no usable answer) or
 * {@link io.ibmcos.client.error.IamAuthenticationException}. Invalid input fails with
 * {@link IllegalArgumentException} before anything is sent. Implementations are thread-safe.
 *
 * <p>An interface so that the Camel component and tests can use a fake.
 */
public interface CosClient extends AutoCloseable {

    // ---- buckets

    /** {@code GET /}: the buckets of the service instance. */
    BucketListing listBuckets();

    /** {@code GET /?extended}: buckets with their location constraint, paged. */
    BucketListing listBucketsExtended(ListBucketsExtendedRequest request);

    /** {@code PUT /bucket}, with location constraint and Key Protect headers when given. */
    void createBucket(CreateBucketRequest request);

    /** {@code HEAD /bucket}; a missing bucket is a {@code CosServiceException} with code {@code NoSuchBucket}. */
    BucketMetadata headBucket(String bucket);

    /** {@code DELETE /bucket}; the bucket must be empty. */
    void deleteBucket(String bucket);

    // ---- objects

    PutObjectResult putObject(PutObjectRequest request);

    /** The caller must close the response. */
    GetObjectResponse getObject(GetObjectRequest request);

    /** {@code HEAD /bucket/key}; a missing key is a {@code CosServiceException} with code {@code NoSuchKey}. */
    ObjectMetadata headObject(String bucket, String key);

    /** {@code DELETE /bucket/key}; deleting a missing key succeeds, as in S3. */
    void deleteObject(String bucket, String key);

    CopyObjectResult copyObject(CopyObjectRequest request);

    /** {@code GET /bucket?list-type=2}: one page. */
    ObjectListing listObjectsV2(ListObjectsRequest request);

    /** {@code GET /bucket} (v1, marker based): one page; {@code startAfter} is sent as {@code marker}. */
    ObjectListing listObjects(ListObjectsRequest request);

    /**
     * {@code POST /bucket?delete} in batches of at most 1000 keys, each with its Content-MD5. Keys that could not
     * be deleted are reported in the result, not thrown.
     */
    DeleteObjectsResult deleteObjects(String bucket, List<String> keys);

    // ---- multipart primitives

    MultipartUpload createMultipartUpload(CreateMultipartUploadRequest request);

    CompletedPart uploadPart(UploadPartRequest request);

    CompleteMultipartUploadResult completeMultipartUpload(CompleteMultipartUploadRequest request);

    void abortMultipartUpload(String bucket, String key, String uploadId);

    /** {@code GET /bucket/key?uploadId}: one page of parts; markers may be null. */
    PartListing listParts(String bucket, String key, String uploadId, Integer maxParts, Integer partNumberMarker);

    MultipartUploadListing listMultipartUploads(ListMultipartUploadsRequest request);

    // ---- IBM Immutable Object Storage

    /** {@code PUT /bucket?protection} (with Content-MD5, which COS requires). */
    void putBucketProtectionConfiguration(String bucket, ProtectionConfiguration configuration);

    /** {@code GET /bucket?protection}; a bucket without a policy reports status {@code DISABLED}. */
    ProtectionConfiguration getBucketProtectionConfiguration(String bucket);

    /** {@code POST /bucket/key?legalHold&add=id}. */
    void addLegalHold(String bucket, String key, String legalHoldId);

    /** {@code POST /bucket/key?legalHold&remove=id}. */
    void deleteLegalHold(String bucket, String key, String legalHoldId);

    /** {@code GET /bucket/key?legalHold}: retention state and legal holds of the object. */
    RetentionState listLegalHolds(String bucket, String key);

    /** {@code POST /bucket/key?extendRetention} with exactly one extension header. */
    void extendRetention(String bucket, String key, RetentionExtension extension);

    // ---- Aspera

    /**
     * {@code GET /bucket?faspConnectionInfo}: the ATS credentials and endpoint for Aspera transfers of the bucket.
     * A default method so that fakes of this interface need not implement it.
     */
    default io.ibmcos.client.aspera.FaspConnectionInfo getFaspConnectionInfo(String bucket) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not implement faspConnectionInfo");
    }

    // ---- presigned URLs

    /** A SigV4 query-signed URL; needs HMAC credentials ({@code IllegalStateException} otherwise). */
    URI createPresignedUrl(PresignRequest request);

    /** Releases connections and threads this client owns. Idempotent. */
    @Override
    void close();
}
