package io.ibmcos.client.model;

/** Outcome of a put (or of a multipart upload seen as one put): the quoted-stripped ETag and version id if any. */
public record PutObjectResult(String eTag, String versionId) {
}
