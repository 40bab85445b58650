package io.ibmcos.client.auth;

/**
 * An HMAC key pair ("cos_hmac_keys") for AWS Signature Version 4.
 *
 * @param accessKey the access key id; required; shown by {@link #toString()} because it is an identifier
 * @param secretKey the secret access key; required; never shown
 */
public record HmacCredentials(String accessKey, String secretKey) implements CosCredentials {

    public HmacCredentials {
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey is required for HMAC credentials and must not be blank");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey is required for HMAC credentials and must not be blank");
        }
        accessKey = accessKey.strip();
        secretKey = secretKey.strip();
    }

    @Override
    public CredentialType type() {
        return CredentialType.HMAC;
    }

    @Override
    public String toString() {
        return "HmacCredentials[accessKey=" + accessKey + ", secretKey=****]";
    }
}
