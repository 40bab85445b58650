package io.ibmcos.client.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A download, optionally a byte range ({@code rangeStart}/{@code rangeEnd} inclusive; an open end reads to the
 * end of the object) and conditional ({@code If-Match}, {@code If-None-Match}, {@code If-Modified-Since},
 * {@code If-Unmodified-Since}).
 */
public record GetObjectRequest(String bucket, String key, Long rangeStart, Long rangeEnd, String ifMatch,
        String ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {

    public GetObjectRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (rangeStart != null && rangeStart < 0) {
            throw new IllegalArgumentException("Range start must be >= 0, but was " + rangeStart);
        }
        if (rangeEnd != null && (rangeEnd < 0 || (rangeStart != null && rangeEnd < rangeStart))) {
            throw new IllegalArgumentException("Range end must be >= range start, but was " + rangeStart + "-" + rangeEnd);
        }
        if (rangeStart == null && rangeEnd != null) {
            throw new IllegalArgumentException("A range end needs a range start");
        }
    }

    public static GetObjectRequest of(String bucket, String key) {
        return new GetObjectRequest(bucket, key, null, null, null, null, null, null);
    }

    public GetObjectRequest withRange(Long start, Long end) {
        return new GetObjectRequest(bucket, key, start, end, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);
    }

    public GetObjectRequest withIfMatch(String eTag) {
        return new GetObjectRequest(bucket, key, rangeStart, rangeEnd, eTag, ifNoneMatch, ifModifiedSince,
                ifUnmodifiedSince);
    }

    public GetObjectRequest withIfNoneMatch(String eTag) {
        return new GetObjectRequest(bucket, key, rangeStart, rangeEnd, ifMatch, eTag, ifModifiedSince, ifUnmodifiedSince);
    }

    public GetObjectRequest withIfModifiedSince(Instant t) {
        return new GetObjectRequest(bucket, key, rangeStart, rangeEnd, ifMatch, ifNoneMatch, t, ifUnmodifiedSince);
    }

    public GetObjectRequest withIfUnmodifiedSince(Instant t) {
        return new GetObjectRequest(bucket, key, rangeStart, rangeEnd, ifMatch, ifNoneMatch, ifModifiedSince, t);
    }
}
