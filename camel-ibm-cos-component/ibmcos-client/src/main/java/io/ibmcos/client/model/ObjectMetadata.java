package io.ibmcos.client.model;

import java.time.Instant;
import java.util.Map;

/**
 * What COS reports about an object on GET and HEAD: content headers, user metadata, and the IBM retention
 * read-back headers ({@code Retention-Period}, {@code Retention-Expiration-Date}, {@code Retention-Legal-Hold-Count};
 * null when the object has no retention).
 */
public record ObjectMetadata(String bucket, String key, String eTag, long contentLength, String contentType,
        String contentEncoding, String contentDisposition, String contentLanguage, String cacheControl,
        String expires, Instant lastModified, Map<String, String> userMetadata, String versionId,
        String storageClass, String contentRange, Long retentionPeriod, Instant retentionExpirationDate,
        Integer retentionLegalHoldCount) {

    public ObjectMetadata {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }
}
