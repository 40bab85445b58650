package io.ibmcos.client.model;

import java.time.Instant;
import java.util.List;

/** Answer of {@code GET ?legalHold}: the object's retention and its legal holds. */
public record RetentionState(Instant createTime, Long retentionPeriod, Instant retentionPeriodExpirationDate,
        List<LegalHold> legalHolds) {

    public RetentionState {
        legalHolds = legalHolds == null ? List.of() : List.copyOf(legalHolds);
    }
}
