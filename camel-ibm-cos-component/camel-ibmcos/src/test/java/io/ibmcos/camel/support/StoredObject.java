package io.ibmcos.camel.support;

import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.RetentionOptions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** One object of the {@link FakeCosClient}: bytes, headers, retention and legal holds. */
public final class StoredObject {
    public final byte[] data;
    public final ObjectHeaders headers;
    public final String eTag;
    public final Instant lastModified;
    public Long retentionPeriod;
    public Instant retentionExpiration;
    public final List<LegalHold> legalHolds = new ArrayList<>();

    StoredObject(byte[] data, ObjectHeaders headers, String eTag, Instant lastModified) {
        this.data = data;
        this.headers = headers;
        this.eTag = eTag;
        this.lastModified = lastModified;
    }

    void applyRetention(RetentionOptions r) {
        if (r == null) {
            return;
        }
        if (r.periodSeconds() != null) {
            retentionPeriod = r.periodSeconds();
            retentionExpiration = lastModified.plusSeconds(r.periodSeconds());
        }
        if (r.expirationDate() != null) {
            retentionExpiration = r.expirationDate();
        }
        if (r.legalHoldId() != null) {
            legalHolds.add(new LegalHold(r.legalHoldId(), lastModified));
        }
    }

    /** Under retention or held: COS refuses to delete or overwrite it. */
    boolean isProtected() {
        return !legalHolds.isEmpty() || (retentionExpiration != null && retentionExpiration.isAfter(Instant.now()));
    }

    ObjectMetadata metadata(String bucket, String key, long length) {
        ObjectHeaders h = headers;
        return new ObjectMetadata(bucket, key, eTag, length, h.contentType(), h.contentEncoding(),
                h.contentDisposition(), h.contentLanguage(), h.cacheControl(), h.expires(), lastModified,
                h.userMetadata(), null, "STANDARD", null, retentionPeriod, retentionExpiration,
                retentionPeriod == null && legalHolds.isEmpty() ? null : legalHolds.size());
    }

    static String md5Hex(byte[] data) {
        return HexFormat.of().formatHex(md5(data));
    }

    static String md5Base64(byte[] data) {
        return Base64.getEncoder().encodeToString(md5(data));
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
