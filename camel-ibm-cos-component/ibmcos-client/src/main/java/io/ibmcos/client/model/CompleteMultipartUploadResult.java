package io.ibmcos.client.model;

/** Outcome of complete: the object's ETag ({@code md5-of-md5s-N}, quotes stripped). */
public record CompleteMultipartUploadResult(String location, String bucket, String key, String eTag) {
}
