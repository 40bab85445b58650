package io.ibmcos.client;

import io.ibmcos.client.error.CosClientException;
import io.ibmcos.client.error.ErrorMapper;
import io.ibmcos.client.http.CosRequest;
import io.ibmcos.client.http.RequestExecutor;
import io.ibmcos.client.http.TransportResponse;
import io.ibmcos.client.http.UriEncoding;
import io.ibmcos.client.model.CopyObjectRequest;
import io.ibmcos.client.model.CopyObjectResult;
import io.ibmcos.client.model.DeleteObjectsResult;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.PutObjectResult;
import io.ibmcos.client.xml.CopyObjectXml;
import io.ibmcos.client.xml.CosDates;
import io.ibmcos.client.xml.DeleteObjectsXml;
import io.ibmcos.client.xml.ErrorXml;
import io.ibmcos.client.xml.Etags;
import io.ibmcos.client.xml.ListObjectsXml;
import io.ibmcos.client.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/** Object calls: put, get, head, delete, copy, listings and the multi-object delete. */
final class ObjectCalls {

    /** COS takes at most this many keys per {@code ?delete}. */
    static final int DELETE_BATCH = 1000;

    private final RequestExecutor executor;

    ObjectCalls(RequestExecutor executor) {
        this.executor = executor;
    }

    PutObjectResult put(PutObjectRequest r) {
        Validation.bucketName(r.bucket());
        Validation.key(r.key());
        if (r.payload().length() < 0) {
            throw new IllegalArgumentException("A single PUT needs a body of known length (COS rejects chunked "
                    + "uploads); send streams of unknown length with the multipart uploader");
        }
        CosRequest.Builder b = CosRequest.builder("PUT").operation("PutObject").bucket(r.bucket()).key(r.key())
                .payload(r.payload()).header("Content-MD5", r.contentMd5());
        WireHeaders.content(b, r.headers());
        WireHeaders.retention(b, r.retention());
        TransportResponse response = executor.executeDiscardingBody(b.build());
        return new PutObjectResult(Etags.strip(response.header("ETag")), response.header("x-amz-version-id"));
    }

    GetObjectResponse get(GetObjectRequest r) {
        Validation.bucketName(r.bucket());
        Validation.key(r.key());
        CosRequest.Builder b = CosRequest.builder("GET").operation("GetObject").bucket(r.bucket()).key(r.key());
        if (r.rangeStart() != null) {
            b.header("Range", "bytes=" + r.rangeStart() + "-" + (r.rangeEnd() == null ? "" : r.rangeEnd()));
        }
        b.header("If-Match", r.ifMatch() == null ? null : Etags.quote(r.ifMatch()))
                .header("If-None-Match", r.ifNoneMatch() == null ? null : Etags.quote(r.ifNoneMatch()))
                .header("If-Modified-Since", r.ifModifiedSince() == null ? null : CosDates.rfc1123(r.ifModifiedSince()))
                .header("If-Unmodified-Since",
                        r.ifUnmodifiedSince() == null ? null : CosDates.rfc1123(r.ifUnmodifiedSince()));
        TransportResponse response = executor.execute(b.build());
        return new GetObjectResponse(WireHeaders.metadata(r.bucket(), r.key(), response), response.body());
    }

    ObjectMetadata head(String bucket, String key) {
        Validation.bucketName(bucket);
        Validation.key(key);
        TransportResponse response = executor.executeDiscardingBody(
                CosRequest.builder("HEAD").operation("HeadObject").bucket(bucket).key(key).build());
        return WireHeaders.metadata(bucket, key, response);
    }

    void delete(String bucket, String key) {
        Validation.bucketName(bucket);
        Validation.key(key);
        executor.executeDiscardingBody(
                CosRequest.builder("DELETE").operation("DeleteObject").bucket(bucket).key(key).build());
    }

    CopyObjectResult copy(CopyObjectRequest r) {
        Validation.bucketName(r.sourceBucket());
        Validation.key(r.sourceKey());
        Validation.bucketName(r.destinationBucket());
        Validation.key(r.destinationKey());
        CosRequest.Builder b = CosRequest.builder("PUT").operation("CopyObject").bucket(r.destinationBucket())
                .key(r.destinationKey()).payload(Payload.empty())
                .header("x-amz-copy-source", "/" + r.sourceBucket() + "/" + UriEncoding.encode(r.sourceKey(), true))
                .header("x-amz-metadata-directive", r.metadataDirective() == null ? null : r.metadataDirective().name())
                .header("Retention-Directive", r.retentionDirective() == null ? null : r.retentionDirective().name())
                .header("x-amz-copy-source-if-match", r.sourceIfMatch() == null ? null : Etags.quote(r.sourceIfMatch()));
        WireHeaders.content(b, r.headers());
        WireHeaders.retention(b, r.retention());
        return CopyObjectXml.parse(successOrError(executor.executeForBody(b.build()), "CopyObjectResult",
                "/" + r.destinationBucket() + "/" + r.destinationKey()));
    }

    ObjectListing listV2(ListObjectsRequest r) {
        Validation.bucketName(r.bucket());
        CosRequest.Builder b = CosRequest.builder("GET").operation("ListObjectsV2").bucket(r.bucket())
                .query("list-type", 2).query("prefix", r.prefix()).query("delimiter", r.delimiter())
                .query("max-keys", r.maxKeys()).query("continuation-token", r.continuationToken())
                .query("start-after", r.continuationToken() == null ? r.startAfter() : null)
                .query("encoding-type", "url");
        if (r.fetchOwner()) {
            b.query("fetch-owner", "true");
        }
        return ListObjectsXml.parse(executor.executeForBody(b.build()));
    }

    ObjectListing listV1(ListObjectsRequest r) {
        Validation.bucketName(r.bucket());
        CosRequest request = CosRequest.builder("GET").operation("ListObjects").bucket(r.bucket())
                .query("prefix", r.prefix()).query("delimiter", r.delimiter()).query("max-keys", r.maxKeys())
                .query("marker", r.startAfter()).query("encoding-type", "url").build();
        return ListObjectsXml.parse(executor.executeForBody(request));
    }

    DeleteObjectsResult deleteMany(String bucket, List<String> keys) {
        Validation.bucketName(bucket);
        keys.forEach(Validation::key);
        List<String> deleted = new ArrayList<>();
        List<DeleteObjectsResult.DeleteError> errors = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
            byte[] body = DeleteObjectsXml.request(batch, false);
            CosRequest request = CosRequest.builder("POST").operation("DeleteObjects").bucket(bucket).flag("delete")
                    .header("Content-Type", "application/xml").header("Content-MD5", Digests.contentMd5(body))
                    .payload(Payload.ofBytes(body)).build();
            DeleteObjectsResult page = DeleteObjectsXml.parse(executor.executeForBody(request));
            deleted.addAll(page.deleted());
            errors.addAll(page.errors());
        }
        return new DeleteObjectsResult(deleted, errors);
    }

    /**
     * Copy and complete may answer 200 and still carry an {@code <Error>} document (the failure happened after
     * the status line was sent); treat that as the error it is.
     */
    static XmlNode successOrError(byte[] body, String expectedRoot, String resource) {
        XmlNode root = XmlNode.parse(body, expectedRoot);
        if ("Error".equals(root.name())) {
            ErrorXml error = ErrorXml.parseOrNull(body);
            int status = error != null && error.httpStatusCode() != null ? error.httpStatusCode() : 500;
            throw ErrorMapper.map(status, body, error == null ? null : error.requestId(), resource, true);
        }
        if (!expectedRoot.equals(root.name())) {
            throw new CosClientException("Expected " + expectedRoot + " but COS answered " + root.name());
        }
        return root;
    }
}
