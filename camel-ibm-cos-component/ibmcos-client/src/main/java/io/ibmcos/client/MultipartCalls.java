package io.ibmcos.client;

import io.ibmcos.client.http.CosRequest;
import io.ibmcos.client.http.RequestExecutor;
import io.ibmcos.client.http.TransportResponse;
import io.ibmcos.client.model.CompleteMultipartUploadRequest;
import io.ibmcos.client.model.CompleteMultipartUploadResult;
import io.ibmcos.client.model.CompletedPart;
import io.ibmcos.client.model.CreateMultipartUploadRequest;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.MultipartUpload;
import io.ibmcos.client.model.MultipartUploadListing;
import io.ibmcos.client.model.PartListing;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.UploadPartRequest;
import io.ibmcos.client.xml.Etags;
import io.ibmcos.client.xml.MultipartXml;

/** The multipart primitives; the parallel uploader in {@code transfer} builds on them. */
final class MultipartCalls {

    private final RequestExecutor executor;

    MultipartCalls(RequestExecutor executor) {
        this.executor = executor;
    }

    MultipartUpload create(CreateMultipartUploadRequest r) {
        Validation.bucketName(r.bucket());
        Validation.key(r.key());
        CosRequest.Builder b = CosRequest.builder("POST").operation("CreateMultipartUpload").bucket(r.bucket())
                .key(r.key()).flag("uploads").payload(Payload.empty());
        WireHeaders.content(b, r.headers());
        return new MultipartUpload(r.bucket(), r.key(), MultipartXml.parseUploadId(executor.executeForBody(b.build())));
    }

    CompletedPart uploadPart(UploadPartRequest r) {
        CosRequest request = CosRequest.builder("PUT").operation("UploadPart").bucket(r.bucket()).key(r.key())
                .query("partNumber", r.partNumber()).query("uploadId", r.uploadId())
                .header("Content-MD5", r.contentMd5()).payload(r.payload()).build();
        TransportResponse response = executor.executeDiscardingBody(request);
        String eTag = Etags.strip(response.header("ETag"));
        if (eTag == null || eTag.isEmpty()) {
            throw new io.ibmcos.client.error.CosClientException("UploadPart " + r.partNumber() + " of " + r.key()
                    + " was accepted without an ETag");
        }
        return new CompletedPart(r.partNumber(), eTag);
    }

    CompleteMultipartUploadResult complete(CompleteMultipartUploadRequest r) {
        byte[] body = MultipartXml.completeRequest(r.parts());
        CosRequest.Builder b = CosRequest.builder("POST").operation("CompleteMultipartUpload").bucket(r.bucket())
                .key(r.key()).query("uploadId", r.uploadId()).header("Content-Type", "application/xml")
                .header("Content-MD5", Digests.contentMd5(body)).payload(Payload.ofBytes(body));
        WireHeaders.retention(b, r.retention());
        return MultipartXml.parseComplete(ObjectCalls.successOrError(executor.executeForBody(b.build()),
                "CompleteMultipartUploadResult", "/" + r.bucket() + "/" + r.key()));
    }

    void abort(String bucket, String key, String uploadId) {
        executor.executeDiscardingBody(CosRequest.builder("DELETE").operation("AbortMultipartUpload").bucket(bucket)
                .key(key).query("uploadId", uploadId).build());
    }

    PartListing listParts(String bucket, String key, String uploadId, Integer maxParts, Integer partNumberMarker) {
        return MultipartXml.parseParts(executor.executeForBody(CosRequest.builder("GET").operation("ListParts")
                .bucket(bucket).key(key).query("uploadId", uploadId).query("max-parts", maxParts)
                .query("part-number-marker", partNumberMarker).build()));
    }

    MultipartUploadListing listUploads(ListMultipartUploadsRequest r) {
        Validation.bucketName(r.bucket());
        return MultipartXml.parseUploads(executor.executeForBody(CosRequest.builder("GET")
                .operation("ListMultipartUploads").bucket(r.bucket()).flag("uploads").query("prefix", r.prefix())
                .query("delimiter", r.delimiter()).query("max-uploads", r.maxUploads())
                .query("key-marker", r.keyMarker()).query("upload-id-marker", r.uploadIdMarker()).build()));
    }
}
