package io.ibmcos.client.model;

import java.util.Objects;

/**
 * One page of a bucket listing. For ListObjectsV2 {@code continuationToken} and {@code startAfter} apply (COS
 * ignores start-after once a token is given); for the v1 listing {@code startAfter} is sent as {@code marker}.
 * {@code maxKeys} 1–1000 (null: server default 1000).
 */
public record ListObjectsRequest(String bucket, String prefix, String delimiter, Integer maxKeys,
        String continuationToken, String startAfter, boolean fetchOwner) {

    public ListObjectsRequest {
        Objects.requireNonNull(bucket, "bucket");
        if (maxKeys != null && (maxKeys < 1 || maxKeys > 1000)) {
            throw new IllegalArgumentException("maxKeys must be between 1 and 1000, but was " + maxKeys);
        }
    }

    public static ListObjectsRequest of(String bucket) {
        return new ListObjectsRequest(bucket, null, null, null, null, null, false);
    }

    public ListObjectsRequest withPrefix(String p) {
        return new ListObjectsRequest(bucket, p, delimiter, maxKeys, continuationToken, startAfter, fetchOwner);
    }

    public ListObjectsRequest withDelimiter(String d) {
        return new ListObjectsRequest(bucket, prefix, d, maxKeys, continuationToken, startAfter, fetchOwner);
    }

    public ListObjectsRequest withMaxKeys(Integer m) {
        return new ListObjectsRequest(bucket, prefix, delimiter, m, continuationToken, startAfter, fetchOwner);
    }

    public ListObjectsRequest withContinuationToken(String t) {
        return new ListObjectsRequest(bucket, prefix, delimiter, maxKeys, t, startAfter, fetchOwner);
    }

    public ListObjectsRequest withStartAfter(String s) {
        return new ListObjectsRequest(bucket, prefix, delimiter, maxKeys, continuationToken, s, fetchOwner);
    }
}
