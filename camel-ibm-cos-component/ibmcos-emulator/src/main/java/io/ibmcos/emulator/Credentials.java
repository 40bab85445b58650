package io.ibmcos.emulator;

/**
 * The credentials an emulator accepts: one HMAC key pair (SigV4) and one IAM API key, plus the service instance
 * id that HMAC requests act for. These are local test credentials, not secrets; printing them is intended.
 */
public record Credentials(String accessKey, String secretKey, String apiKey, String serviceInstanceId) {
    public static final String DEFAULT_ACCESS_KEY = "ibmcos-access-key";
    public static final String DEFAULT_SECRET_KEY = "ibmcos-secret-key";
    public static final String DEFAULT_API_KEY = "ibmcos-api-key";
    public static final String DEFAULT_SERVICE_INSTANCE_ID = "ibmcos-instance";

    public static Credentials defaults() {
        return new Credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_API_KEY, DEFAULT_SERVICE_INSTANCE_ID);
    }
}
