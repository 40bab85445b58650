package io.ibmcos.client;

import io.ibmcos.client.http.CosRequest;
import io.ibmcos.client.http.RequestExecutor;
import io.ibmcos.client.http.TransportResponse;
import io.ibmcos.client.model.BucketListing;
import io.ibmcos.client.model.BucketMetadata;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.ListBucketsExtendedRequest;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.xml.BucketsXml;

/** Bucket calls: list (plain and extended), create (location, Key Protect), head, delete. */
final class BucketCalls {

    private final RequestExecutor executor;

    BucketCalls(RequestExecutor executor) {
        this.executor = executor;
    }

    BucketListing list() {
        return BucketsXml.parse(executor.executeForBody(
                CosRequest.builder("GET").operation("ListBuckets").needsServiceInstance().build()));
    }

    BucketListing listExtended(ListBucketsExtendedRequest r) {
        ListBucketsExtendedRequest req = r == null ? ListBucketsExtendedRequest.ALL : r;
        if (req.maxKeys() != null && (req.maxKeys() < 1 || req.maxKeys() > 1000)) {
            throw new IllegalArgumentException("maxKeys must be between 1 and 1000, but was " + req.maxKeys());
        }
        return BucketsXml.parse(executor.executeForBody(CosRequest.builder("GET").operation("ListBucketsExtended")
                .needsServiceInstance().flag("extended").query("prefix", req.prefix()).query("marker", req.marker())
                .query("max-keys", req.maxKeys()).build()));
    }

    void create(CreateBucketRequest r) {
        Validation.bucketName(r.bucket());
        CosRequest.Builder b = CosRequest.builder("PUT").operation("CreateBucket").bucket(r.bucket())
                .needsServiceInstance().header("ibm-service-instance-id", r.serviceInstanceId());
        if (r.locationConstraint() != null && !r.locationConstraint().isBlank()) {
            b.header("Content-Type", "application/xml")
                    .payload(Payload.ofBytes(BucketsXml.createBucketConfiguration(r.locationConstraint())));
        } else {
            b.payload(Payload.empty());
        }
        if (r.keyProtect() != null) {
            b.header("ibm-sse-kp-encryption-algorithm", r.keyProtect().algorithm())
                    .header("ibm-sse-kp-customer-root-key-crn", r.keyProtect().rootKeyCrn());
        }
        executor.executeDiscardingBody(b.build());
    }

    BucketMetadata head(String bucket) {
        Validation.bucketName(bucket);
        TransportResponse r = executor.executeDiscardingBody(
                CosRequest.builder("HEAD").operation("HeadBucket").bucket(bucket).build());
        return new BucketMetadata(bucket, "true".equalsIgnoreCase(r.header("ibm-sse-kp-enabled")),
                r.header("ibm-sse-kp-crk-id"));
    }

    void delete(String bucket) {
        Validation.bucketName(bucket);
        executor.executeDiscardingBody(CosRequest.builder("DELETE").operation("DeleteBucket").bucket(bucket).build());
    }
}
