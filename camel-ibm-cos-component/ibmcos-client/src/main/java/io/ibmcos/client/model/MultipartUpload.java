package io.ibmcos.client.model;

/** An initiated multipart upload. */
public record MultipartUpload(String bucket, String key, String uploadId) {
}
