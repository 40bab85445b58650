package io.ibmcos.camel.support;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.Bucket;
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
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ListBucketsExtendedRequest;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.MetadataDirective;
import io.ibmcos.client.model.MultipartUpload;
import io.ibmcos.client.model.MultipartUploadListing;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.client.model.PartListing;
import io.ibmcos.client.model.PresignRequest;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.PutObjectResult;
import io.ibmcos.client.model.RetentionDirective;
import io.ibmcos.client.model.RetentionExtension;
import io.ibmcos.client.model.RetentionOptions;
import io.ibmcos.client.model.RetentionState;
import io.ibmcos.client.model.UploadPartRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small in-memory COS: buckets, objects with metadata and retention, legal holds, paged listings, multipart
 * uploads, protection configuration. Enough of the real rules (404s, protected objects refuse deletion, buckets must
 * be empty to delete) that the component's handlers are tested against behaviour, not against mocks.
 */
public class FakeCosClient implements CosClient {

    private final Map<String, FakeBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    private final Map<String, ObjectHeaders> uploadHeaders = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger openStreams = new AtomicInteger();
    private volatile boolean hmac = true;

    public FakeCosClient withBucket(String name) {
        buckets.put(name, new FakeBucket(name, CreateBucketRequest.of(name)));
        return this;
    }

    /** false: behave like an IAM client, which cannot presign. */
    public FakeCosClient hmac(boolean value) {
        hmac = value;
        return this;
    }

    public FakeBucket bucket(String name) {
        return buckets.get(name);
    }

    public StoredObject object(String bucket, String key) {
        FakeBucket b = buckets.get(bucket);
        return b == null ? null : b.objects.get(key);
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Downloads handed out and not yet closed. */
    public int openStreams() {
        return openStreams.get();
    }

    public int uploadsInProgress() {
        return uploads.size();
    }

    // ---- buckets

    @Override
    public BucketListing listBuckets() {
        return new BucketListing(buckets.values().stream().sorted((a, b) -> a.name.compareTo(b.name))
                .map(b -> new Bucket(b.name, Instant.EPOCH, null, null)).toList(), "owner", "owner", false, null);
    }

    @Override
    public BucketListing listBucketsExtended(ListBucketsExtendedRequest request) {
        return new BucketListing(buckets.values().stream().sorted((a, b) -> a.name.compareTo(b.name))
                .filter(b -> request.prefix() == null || b.name.startsWith(request.prefix()))
                .map(b -> new Bucket(b.name, Instant.EPOCH, b.creation.locationConstraint() == null ? "us-standard"
                        : b.creation.locationConstraint(), null))
                .toList(), "owner", "owner", false, null);
    }

    @Override
    public void createBucket(CreateBucketRequest request) {
        if (buckets.putIfAbsent(request.bucket(), new FakeBucket(request.bucket(), request)) != null) {
            throw error(409, "BucketAlreadyExists", request.bucket());
        }
    }

    @Override
    public BucketMetadata headBucket(String bucket) {
        FakeBucket b = requireBucket(bucket);
        return new BucketMetadata(bucket, b.creation.keyProtect() != null,
                b.creation.keyProtect() == null ? null : "root-key-id");
    }

    @Override
    public void deleteBucket(String bucket) {
        FakeBucket b = requireBucket(bucket);
        if (!b.objects.isEmpty()) {
            throw error(409, "BucketNotEmpty", bucket);
        }
        buckets.remove(bucket);
    }

    // ---- objects

    @Override
    public PutObjectResult putObject(PutObjectRequest request) {
        FakeBucket b = requireBucket(request.bucket());
        byte[] data = read(request.payload().length(), () -> request.payload().open());
        if (request.contentMd5() != null && !request.contentMd5().equals(StoredObject.md5Base64(data))) {
            throw error(400, "BadDigest", request.key());
        }
        StoredObject o = store(b, request.key(), data, request.headers());
        o.applyRetention(request.retention());
        return new PutObjectResult(o.eTag, null);
    }

    @Override
    public GetObjectResponse getObject(GetObjectRequest request) {
        StoredObject o = requireObject(request.bucket(), request.key());
        byte[] data = o.data;
        if (request.rangeStart() != null) {
            int start = (int) Math.min(request.rangeStart(), data.length);
            int end = request.rangeEnd() == null ? data.length - 1 : (int) Math.min(request.rangeEnd(), data.length - 1);
            data = java.util.Arrays.copyOfRange(data, start, end + 1);
        }
        openStreams.incrementAndGet();
        InputStream in = new ByteArrayInputStream(data) {
            private boolean done;

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    openStreams.decrementAndGet();
                }
            }
        };
        return new GetObjectResponse(o.metadata(request.bucket(), request.key(), data.length), in);
    }

    @Override
    public ObjectMetadata headObject(String bucket, String key) {
        StoredObject o = requireObject(bucket, key);
        return o.metadata(bucket, key, o.data.length);
    }

    @Override
    public void deleteObject(String bucket, String key) {
        FakeBucket b = requireBucket(bucket);
        StoredObject o = b.objects.get(key);
        if (o != null && o.isProtected()) {
            throw error(403, "AccessDenied", key);
        }
        b.objects.remove(key);
    }

    @Override
    public CopyObjectResult copyObject(CopyObjectRequest r) {
        StoredObject source = requireObject(r.sourceBucket(), r.sourceKey());
        FakeBucket target = requireBucket(r.destinationBucket());
        ObjectHeaders headers = r.metadataDirective() == MetadataDirective.REPLACE ? r.headers() : source.headers;
        StoredObject copy = store(target, r.destinationKey(), source.data, headers);
        if (r.retentionDirective() == RetentionDirective.REPLACE) {
            copy.applyRetention(r.retention());
        } else {
            copy.retentionPeriod = source.retentionPeriod;
            copy.retentionExpiration = source.retentionExpiration;
            copy.legalHolds.addAll(source.legalHolds);
        }
        return new CopyObjectResult(copy.eTag, copy.lastModified);
    }

    @Override
    public ObjectListing listObjectsV2(ListObjectsRequest r) {
        FakeBucket b = requireBucket(r.bucket());
        int max = r.maxKeys() == null ? 1000 : r.maxKeys();
        List<ObjectSummary> page = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String after = r.continuationToken() != null ? r.continuationToken() : r.startAfter();
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> e : (after == null ? b.objects : b.objects.tailMap(after, false))
                .entrySet()) {
            String key = e.getKey();
            if (r.prefix() != null && !key.startsWith(r.prefix())) {
                continue;
            }
            if (page.size() + prefixes.size() == max) {
                truncated = true;
                break;
            }
            String rest = key.substring(r.prefix() == null ? 0 : r.prefix().length());
            int d = r.delimiter() == null ? -1 : rest.indexOf(r.delimiter());
            if (d >= 0) {
                String cp = key.substring(0, key.length() - rest.length() + d + r.delimiter().length());
                if (!prefixes.contains(cp)) {
                    prefixes.add(cp);
                }
            } else {
                StoredObject o = e.getValue();
                page.add(new ObjectSummary(key, o.lastModified, o.eTag, o.data.length, "STANDARD", "owner"));
            }
            last = key;
        }
        return new ObjectListing(r.bucket(), r.prefix(), r.delimiter(), max, page.size(), truncated,
                r.continuationToken(), truncated ? last : null, r.startAfter(), null, null, page, prefixes);
    }

    @Override
    public ObjectListing listObjects(ListObjectsRequest request) {
        return listObjectsV2(request);
    }

    @Override
    public DeleteObjectsResult deleteObjects(String bucket, List<String> keys) {
        List<String> deleted = new ArrayList<>();
        List<DeleteObjectsResult.DeleteError> errors = new ArrayList<>();
        for (String key : keys) {
            try {
                deleteObject(bucket, key);
                deleted.add(key);
            } catch (CosServiceException e) {
                errors.add(new DeleteObjectsResult.DeleteError(key, e.errorCode(), e.errorMessage()));
            }
        }
        return new DeleteObjectsResult(deleted, errors);
    }

    // ---- multipart

    @Override
    public MultipartUpload createMultipartUpload(CreateMultipartUploadRequest request) {
        requireBucket(request.bucket());
        String id = UUID.randomUUID().toString();
        uploads.put(id, new TreeMap<>());
        uploadHeaders.put(id, request.headers());
        return new MultipartUpload(request.bucket(), request.key(), id);
    }

    @Override
    public CompletedPart uploadPart(UploadPartRequest request) {
        Map<Integer, byte[]> parts = uploads.get(request.uploadId());
        if (parts == null) {
            throw error(404, "NoSuchUpload", request.key());
        }
        byte[] data = read(request.payload().length(), () -> request.payload().open());
        parts.put(request.partNumber(), data);
        return new CompletedPart(request.partNumber(), StoredObject.md5Hex(data));
    }

    @Override
    public CompleteMultipartUploadResult completeMultipartUpload(CompleteMultipartUploadRequest request) {
        Map<Integer, byte[]> parts = uploads.remove(request.uploadId());
        if (parts == null) {
            throw error(404, "NoSuchUpload", request.key());
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        request.parts().forEach(p -> all.writeBytes(parts.get(p.partNumber())));
        StoredObject o = store(requireBucket(request.bucket()), request.key(), all.toByteArray(),
                uploadHeaders.remove(request.uploadId()));
        o.applyRetention(request.retention());
        return new CompleteMultipartUploadResult(null, request.bucket(), request.key(), o.eTag + "-" + parts.size());
    }

    @Override
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        uploads.remove(uploadId);
        uploadHeaders.remove(uploadId);
    }

    @Override
    public PartListing listParts(String bucket, String key, String uploadId, Integer maxParts, Integer marker) {
        throw new UnsupportedOperationException("not used by the component");
    }

    @Override
    public MultipartUploadListing listMultipartUploads(ListMultipartUploadsRequest request) {
        throw new UnsupportedOperationException("not used by the component");
    }

    // ---- immutability

    @Override
    public void putBucketProtectionConfiguration(String bucket, ProtectionConfiguration configuration) {
        requireBucket(bucket).protection = configuration;
    }

    @Override
    public ProtectionConfiguration getBucketProtectionConfiguration(String bucket) {
        ProtectionConfiguration p = requireBucket(bucket).protection;
        return p != null ? p : new ProtectionConfiguration(ProtectionConfiguration.Status.DISABLED, null, null, null,
                false);
    }

    @Override
    public void addLegalHold(String bucket, String key, String legalHoldId) {
        requireObject(bucket, key).legalHolds.add(new LegalHold(legalHoldId, Instant.now()));
    }

    @Override
    public void deleteLegalHold(String bucket, String key, String legalHoldId) {
        requireObject(bucket, key).legalHolds.removeIf(h -> h.id().equals(legalHoldId));
    }

    @Override
    public RetentionState listLegalHolds(String bucket, String key) {
        StoredObject o = requireObject(bucket, key);
        return new RetentionState(o.lastModified, o.retentionPeriod, o.retentionExpiration, o.legalHolds);
    }

    @Override
    public void extendRetention(String bucket, String key, RetentionExtension extension) {
        StoredObject o = requireObject(bucket, key);
        Instant base = o.retentionExpiration != null ? o.retentionExpiration : o.lastModified;
        if (extension instanceof RetentionExtension.AdditionalPeriod a) {
            o.retentionExpiration = base.plusSeconds(a.seconds());
        } else if (extension instanceof RetentionExtension.FromCurrentTime f) {
            o.retentionExpiration = Instant.now().plusSeconds(f.seconds());
        } else if (extension instanceof RetentionExtension.NewPeriod n) {
            o.retentionPeriod = n.seconds();
            o.retentionExpiration = o.lastModified.plusSeconds(n.seconds());
        } else if (extension instanceof RetentionExtension.NewExpirationDate d) {
            o.retentionExpiration = d.date();
        }
    }

    @Override
    public URI createPresignedUrl(PresignRequest request) {
        if (!hmac) {
            throw new IllegalStateException("Presigned URLs need HMAC credentials");
        }
        return URI.create("http://fake.local/" + request.bucket() + "/" + request.key() + "?X-Amz-Method="
                + request.method() + "&X-Amz-Expires=" + request.expiry().getSeconds());
    }

    @Override
    public void close() {
        closed.set(true);
    }

    // ---- helpers

    private FakeBucket requireBucket(String bucket) {
        FakeBucket b = buckets.get(bucket);
        if (b == null) {
            throw error(404, "NoSuchBucket", bucket);
        }
        return b;
    }

    private StoredObject requireObject(String bucket, String key) {
        StoredObject o = requireBucket(bucket).objects.get(key);
        if (o == null) {
            throw error(404, "NoSuchKey", key);
        }
        return o;
    }

    private StoredObject store(FakeBucket b, String key, byte[] data, ObjectHeaders headers) {
        StoredObject existing = b.objects.get(key);
        if (existing != null && existing.isProtected()) {
            throw error(403, "AccessDenied", key);
        }
        StoredObject o = new StoredObject(data, headers == null ? ObjectHeaders.NONE : headers, StoredObject.md5Hex(data),
                Instant.now());
        b.objects.put(key, o);
        return o;
    }

    private static CosServiceException error(int status, String code, String resource) {
        return new CosServiceException(status, code, code, "fake-request", resource);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static byte[] read(long length, Opener opener) {
        try (InputStream in = opener.open()) {
            byte[] data = in.readAllBytes();
            if (length >= 0 && data.length != length) {
                throw new IllegalStateException("Payload declared " + length + " bytes but had " + data.length);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
