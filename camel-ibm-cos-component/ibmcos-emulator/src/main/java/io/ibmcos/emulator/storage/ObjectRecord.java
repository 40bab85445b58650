package io.ibmcos.emulator.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about a stored object. Immutable; updates (legal holds, retention) create a new record that
 * keeps the same {@code blobs}. {@code contentHeaders} keeps the standard content headers as sent (lower-case
 * names), {@code userMetadata} the x-amz-meta-* values without the prefix.
 */
public record ObjectRecord(String key, long size, String etag, Instant lastModified, Map<String, String> contentHeaders,
        Map<String, String> userMetadata, Retention retention, List<LegalHold> legalHolds, List<BlobRef> blobs) {

    public ObjectRecord {
        contentHeaders = Map.copyOf(contentHeaders);
        userMetadata = Map.copyOf(userMetadata);
        legalHolds = List.copyOf(legalHolds);
        blobs = List.copyOf(blobs);
    }

    public ObjectRecord withRetention(Retention r) {
        return new ObjectRecord(key, size, etag, lastModified, contentHeaders, userMetadata, r, legalHolds, blobs);
    }

    public ObjectRecord withLegalHolds(List<LegalHold> holds) {
        return new ObjectRecord(key, size, etag, lastModified, contentHeaders, userMetadata, retention, holds, blobs);
    }

    /** Whether retention or a legal hold forbids deleting or overwriting this object now. */
    public boolean protectedAt(Instant now) {
        return !legalHolds.isEmpty() || (retention != null && retention.activeAt(now));
    }
}
