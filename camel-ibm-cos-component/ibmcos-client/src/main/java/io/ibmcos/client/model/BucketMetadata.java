package io.ibmcos.client.model;

/** What {@code HEAD /bucket} reports: Key Protect state ({@code ibm-sse-kp-enabled}, {@code ibm-sse-kp-crk-id}). */
public record BucketMetadata(String bucket, boolean keyProtectEnabled, String keyProtectRootKeyId) {
}
