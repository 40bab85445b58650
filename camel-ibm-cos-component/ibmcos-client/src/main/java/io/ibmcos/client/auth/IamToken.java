package io.ibmcos.client.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token issued by IAM.
 *
 * @param accessToken the JWT sent to COS as {@code Authorization: Bearer ...}; never shown by {@link #toString()}
 * @param expiresAt   when IAM stops accepting it
 * @param refreshAt   when a new one should be fetched proactively (80 % of the lifetime)
 */
public record IamToken(String accessToken, Instant expiresAt, Instant refreshAt) {

    public IamToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshAt, "refreshAt");
    }

    /** True once {@code now} reached {@link #expiresAt()}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True once {@code now} reached {@link #refreshAt()} (the token may still be valid). */
    public boolean needsRefresh(Instant now) {
        return !now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "IamToken[accessToken=****, expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
    }
}
