package io.ibmcos.client.aspera;

import io.ibmcos.client.auth.IamTokenManager;
import java.util.Objects;

/**
 * Where the IAM delegated refresh token for ATS ({@code receiver_client_ids=aspera_ats}) comes from. The token goes
 * into {@code X-Aspera-Storage-Credentials} and the spec's {@code tags}; ATS and ascp refuse a stale one, and then
 * the transfer manager calls {@link #invalidate} and asks again.
 */
public interface DelegatedTokens {

    /** The IAM client id of Aspera Transfer Service. */
    String ASPERA_ATS = "aspera_ats";

    /** A valid delegated refresh token (cached). */
    String token();

    /** Forget {@code rejected} if it is still the cached token, so the next {@link #token()} fetches a new one. */
    void invalidate(String rejected);

    /**
     * Tokens from an IAM token manager: cached per (API key, IAM URL) when the manager comes from an
     * {@link io.ibmcos.client.auth.IamTokenCache}, single-flight, replaced before they expire.
     */
    static DelegatedTokens of(IamTokenManager manager) {
        Objects.requireNonNull(manager, "manager");
        return new DelegatedTokens() {
            @Override
            public String token() {
                return manager.delegatedRefreshToken(ASPERA_ATS);
            }

            @Override
            public void invalidate(String rejected) {
                manager.invalidateDelegatedRefreshToken(ASPERA_ATS, rejected);
            }

            @Override
            public String toString() {
                return "DelegatedTokens[" + manager.iamEndpoint() + "]";
            }
        };
    }
}
