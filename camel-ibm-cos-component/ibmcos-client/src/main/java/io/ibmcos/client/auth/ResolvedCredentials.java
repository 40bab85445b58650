package io.ibmcos.client.auth;

import java.util.Objects;

/**
 * Credentials found by {@link CredentialsChain}, with a human-readable description of where they came from
 * (for diagnostics; never contains a secret).
 *
 * @param credentials the credentials
 * @param source      e.g. {@code environment}, {@code ~/.bluemix/cos_credentials},
 *                    {@code ~/.aws/credentials [profile default]}
 */
public record ResolvedCredentials(CosCredentials credentials, String source) {

    public ResolvedCredentials {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(source, "source");
    }
}
