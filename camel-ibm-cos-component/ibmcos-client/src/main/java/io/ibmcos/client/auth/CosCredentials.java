package io.ibmcos.client.auth;

/**
 * Credentials for IBM Cloud Object Storage: either an IAM API key or an HMAC key pair.
 * Implementations never reveal secrets through {@code toString()}.
 */
public sealed interface CosCredentials permits IamCredentials, HmacCredentials {

    /** Which authentication scheme these credentials drive. */
    CredentialType type();
}
