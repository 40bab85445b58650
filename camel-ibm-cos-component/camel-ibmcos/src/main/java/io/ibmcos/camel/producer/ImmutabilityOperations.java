package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.RetentionExtension;
import io.ibmcos.client.model.RetentionState;
import java.time.Instant;

/** IBM Immutable Object Storage on objects: addLegalHold, deleteLegalHold, listLegalHolds, extendRetention. */
public final class ImmutabilityOperations {

    private final CosClient client;

    public ImmutabilityOperations(CosClient client) {
        this.client = client;
    }

    public OperationResult addLegalHold(OptionResolver opts) {
        String bucket = opts.bucket();
        String key = opts.key();
        String id = legalHoldId(opts);
        client.addLegalHold(bucket, key, id);
        return OperationResult.keepBody().withHeader(IbmCosConstants.LEGAL_HOLD_ID, id);
    }

    public OperationResult deleteLegalHold(OptionResolver opts) {
        String bucket = opts.bucket();
        String key = opts.key();
        String id = legalHoldId(opts);
        client.deleteLegalHold(bucket, key, id);
        return OperationResult.keepBody().withHeader(IbmCosConstants.LEGAL_HOLD_ID, id);
    }

    private static String legalHoldId(OptionResolver opts) {
        String id = opts.required(IbmCosConstants.LEGAL_HOLD_ID, "legalHoldId", String.class,
                opts.config().getLegalHoldId());
        try {
            return LegalHold.validateId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid legal hold id (header " + IbmCosConstants.LEGAL_HOLD_ID
                    + " or option legalHoldId): " + e.getMessage(), e);
        }
    }

    /** Body and CamelIbmCosLegalHolds: the holds; the retention state goes into the retention headers. */
    public OperationResult listLegalHolds(OptionResolver opts) {
        RetentionState state = client.listLegalHolds(opts.bucket(), opts.key());
        return OperationResult.of(state.legalHolds())
                .withHeader(IbmCosConstants.LEGAL_HOLDS, state.legalHolds())
                .withHeader(IbmCosConstants.RETENTION_PERIOD, state.retentionPeriod())
                .withHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE, state.retentionPeriodExpirationDate());
    }

    /** Exactly one of the four extension headers; checked here, before any request, with the header names. */
    public OperationResult extendRetention(OptionResolver opts) {
        String bucket = opts.bucket();
        String key = opts.key();
        Long additional = opts.header(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD, Long.class);
        Long fromNow = opts.header(IbmCosConstants.EXTEND_RETENTION_FROM_CURRENT_TIME, Long.class);
        Long newPeriod = opts.header(IbmCosConstants.NEW_RETENTION_PERIOD, Long.class);
        Instant newDate = opts.instant(IbmCosConstants.NEW_RETENTION_EXPIRATION_DATE);
        int given = (additional != null ? 1 : 0) + (fromNow != null ? 1 : 0) + (newPeriod != null ? 1 : 0)
                + (newDate != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("extendRetention needs exactly one of headers "
                    + IbmCosConstants.ADDITIONAL_RETENTION_PERIOD + ", "
                    + IbmCosConstants.EXTEND_RETENTION_FROM_CURRENT_TIME + ", " + IbmCosConstants.NEW_RETENTION_PERIOD
                    + ", " + IbmCosConstants.NEW_RETENTION_EXPIRATION_DATE + "; "
                    + (given == 0 ? "none was set" : given + " were set"));
        }
        RetentionExtension extension;
        try {
            extension = RetentionExtension.exactlyOne(additional, fromNow, newPeriod, newDate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid retention extension (headers "
                    + IbmCosConstants.ADDITIONAL_RETENTION_PERIOD + ", "
                    + IbmCosConstants.EXTEND_RETENTION_FROM_CURRENT_TIME + ", " + IbmCosConstants.NEW_RETENTION_PERIOD
                    + ", " + IbmCosConstants.NEW_RETENTION_EXPIRATION_DATE + "): " + e.getMessage(), e);
        }
        client.extendRetention(bucket, key, extension);
        return OperationResult.keepBody().withHeader(IbmCosConstants.KEY, key);
    }
}
