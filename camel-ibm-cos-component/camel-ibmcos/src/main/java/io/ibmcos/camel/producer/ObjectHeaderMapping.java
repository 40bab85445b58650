package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.RetentionOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Message headers to request records and response records to headers, for the object operations. */
final class ObjectHeaderMapping {

    private ObjectHeaderMapping() {
    }

    /** Content headers and user metadata from the message; {@link ObjectHeaders#NONE} when none is set. */
    static ObjectHeaders objectHeaders(OptionResolver opts) {
        return ObjectHeaders.builder()
                .contentType(httpHeader(opts, IbmCosConstants.CONTENT_TYPE))
                .contentEncoding(httpHeader(opts, IbmCosConstants.CONTENT_ENCODING))
                .contentDisposition(httpHeader(opts, IbmCosConstants.CONTENT_DISPOSITION))
                .contentLanguage(httpHeader(opts, IbmCosConstants.CONTENT_LANGUAGE))
                .cacheControl(httpHeader(opts, IbmCosConstants.CACHE_CONTROL))
                .userMetadata(InputChecks.userMetadata(userMetadata(opts), IbmCosConstants.METADATA))
                .build();
    }

    private static String httpHeader(OptionResolver opts, String header) {
        return InputChecks.headerValue(opts.header(header, String.class), header);
    }

    static boolean hasMetadataHeaders(OptionResolver opts) {
        return opts.message().getHeader(IbmCosConstants.METADATA) != null || !objectHeaders(opts).isEmpty();
    }

    private static Map<String, String> userMetadata(OptionResolver opts) {
        Map<?, ?> raw = opts.header(IbmCosConstants.METADATA, Map.class);
        if (raw == null) {
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k != null && v != null) {
                metadata.put(k.toString(), v.toString());
            }
        });
        return metadata;
    }

    /** Retention for a write: headers first, then the retentionPeriod and legalHoldId options. */
    static RetentionOptions retention(OptionResolver opts) {
        var expiration = opts.instant(IbmCosConstants.RETENTION_EXPIRATION_DATE);
        Long period = opts.header(IbmCosConstants.RETENTION_PERIOD, Long.class);
        if (period == null && expiration == null) {
            period = opts.config().getRetentionPeriod();
        }
        String hold = opts.orElse(IbmCosConstants.LEGAL_HOLD_ID, String.class, opts.config().getLegalHoldId());
        try {
            return new RetentionOptions(period, expiration, hold);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid retention (headers " + IbmCosConstants.RETENTION_PERIOD + ", "
                    + IbmCosConstants.RETENTION_EXPIRATION_DATE + ", " + IbmCosConstants.LEGAL_HOLD_ID
                    + " or options retentionPeriod, legalHoldId): " + e.getMessage(), e);
        }
    }

    /** Every header getObject and headObject report. */
    static OperationResult withMetadata(OperationResult result, ObjectMetadata m) {
        return result.withHeader(IbmCosConstants.KEY, m.key())
                .withHeader(IbmCosConstants.E_TAG, m.eTag())
                .withHeader(IbmCosConstants.VERSION_ID, m.versionId())
                .withHeader(IbmCosConstants.LAST_MODIFIED, m.lastModified())
                .withHeader(IbmCosConstants.CONTENT_LENGTH, m.contentLength())
                .withHeader(IbmCosConstants.CONTENT_TYPE, m.contentType())
                .withHeader(IbmCosConstants.CONTENT_ENCODING, m.contentEncoding())
                .withHeader(IbmCosConstants.CONTENT_DISPOSITION, m.contentDisposition())
                .withHeader(IbmCosConstants.CONTENT_LANGUAGE, m.contentLanguage())
                .withHeader(IbmCosConstants.CACHE_CONTROL, m.cacheControl())
                .withHeader(IbmCosConstants.METADATA, m.userMetadata())
                .withHeader(IbmCosConstants.STORAGE_CLASS, m.storageClass())
                .withHeader(IbmCosConstants.RETENTION_PERIOD, m.retentionPeriod())
                .withHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE, m.retentionExpirationDate())
                .withHeader(IbmCosConstants.RETENTION_LEGAL_HOLD_COUNT, m.retentionLegalHoldCount());
    }
}
