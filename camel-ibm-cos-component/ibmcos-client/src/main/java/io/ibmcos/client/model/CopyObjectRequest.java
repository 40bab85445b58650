package io.ibmcos.client.model;

import java.util.Objects;

/**
 * Server-side copy ({@code PUT} with {@code x-amz-copy-source}). With {@link MetadataDirective#REPLACE} the
 * {@code headers} replace the source's content headers and user metadata; copying an object onto itself with
 * REPLACE is how metadata is updated in place. {@code sourceIfMatch} maps to {@code x-amz-copy-source-if-match}.
 */
public record CopyObjectRequest(String sourceBucket, String sourceKey, String destinationBucket,
        String destinationKey, MetadataDirective metadataDirective, ObjectHeaders headers,
        RetentionDirective retentionDirective, RetentionOptions retention, String sourceIfMatch) {

    public CopyObjectRequest {
        Objects.requireNonNull(sourceBucket, "sourceBucket");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(destinationBucket, "destinationBucket");
        Objects.requireNonNull(destinationKey, "destinationKey");
        headers = headers == null ? ObjectHeaders.NONE : headers;
        retention = retention == null ? RetentionOptions.NONE : retention;
        if (metadataDirective != MetadataDirective.REPLACE && !headers.isEmpty()) {
            throw new IllegalArgumentException("New content headers or metadata on a copy need metadata directive "
                    + "REPLACE; with COPY the source's are kept");
        }
        if (retentionDirective != RetentionDirective.REPLACE && !retention.isEmpty()) {
            throw new IllegalArgumentException("Retention headers on a copy need retention directive REPLACE");
        }
    }

    public static CopyObjectRequest of(String sourceBucket, String sourceKey, String destinationBucket,
            String destinationKey) {
        return new CopyObjectRequest(sourceBucket, sourceKey, destinationBucket, destinationKey, null, null, null,
                null, null);
    }

    /** Same object, new metadata: COS's way to update metadata without re-uploading the content. */
    public static CopyObjectRequest replaceMetadata(String bucket, String key, ObjectHeaders headers) {
        return new CopyObjectRequest(bucket, key, bucket, key, MetadataDirective.REPLACE, headers, null, null, null);
    }

    public CopyObjectRequest withMetadata(ObjectHeaders newHeaders) {
        return new CopyObjectRequest(sourceBucket, sourceKey, destinationBucket, destinationKey,
                MetadataDirective.REPLACE, newHeaders, retentionDirective, retention, sourceIfMatch);
    }

    public CopyObjectRequest withRetention(RetentionDirective directive, RetentionOptions options) {
        return new CopyObjectRequest(sourceBucket, sourceKey, destinationBucket, destinationKey, metadataDirective,
                headers, directive, options, sourceIfMatch);
    }

    public CopyObjectRequest withSourceIfMatch(String eTag) {
        return new CopyObjectRequest(sourceBucket, sourceKey, destinationBucket, destinationKey, metadataDirective,
                headers, retentionDirective, retention, eTag);
    }
}
