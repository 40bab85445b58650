package io.ibmcos.client.model;

import java.util.Objects;

/**
 * Bucket creation. {@code locationConstraint} is a provisioning code such as {@code us-south-smart} (it must match
 * the endpoint's location; null: standard class in the endpoint's location). {@code serviceInstanceId} overrides the
 * one from the IAM credentials.
 */
public record CreateBucketRequest(String bucket, String locationConstraint, KeyProtectConfiguration keyProtect,
        String serviceInstanceId) {

    public CreateBucketRequest {
        Objects.requireNonNull(bucket, "bucket");
    }

    public static CreateBucketRequest of(String bucket) {
        return new CreateBucketRequest(bucket, null, null, null);
    }
}
