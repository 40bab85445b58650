package io.ibmcos.client.auth;

import java.net.URI;

/**
 * An IBM Cloud IAM API key, optionally with the COS service instance (needed by list/create bucket) and
 * a non-default IAM token URL.
 *
 * <p>An IAM URL given without a path (e.g. {@code https://iam.test.cloud.ibm.com}) is completed with
 * {@code /identity/token}, because IBM's tools accept both the host and the full token URL.
 *
 * @param apiKey            the API key; required, never shown by {@link #toString()}
 * @param serviceInstanceId the COS resource instance id (GUID or CRN); may be null
 * @param iamEndpoint       the IAM token URL; null means {@link #DEFAULT_IAM_ENDPOINT}
 */
public record IamCredentials(String apiKey, String serviceInstanceId, URI iamEndpoint) implements CosCredentials {

    /** IBM Cloud's public IAM token endpoint. */
    public static final URI DEFAULT_IAM_ENDPOINT = URI.create("https://iam.cloud.ibm.com/identity/token");

    private static final String TOKEN_PATH = "/identity/token";

    public IamCredentials {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is required for IAM credentials and must not be blank");
        }
        apiKey = apiKey.strip();
        if (serviceInstanceId != null) {
            serviceInstanceId = serviceInstanceId.isBlank() ? null : serviceInstanceId.strip();
        }
        iamEndpoint = normaliseEndpoint(iamEndpoint);
    }

    /** Credentials with the default IAM endpoint. */
    public IamCredentials(String apiKey, String serviceInstanceId) {
        this(apiKey, serviceInstanceId, null);
    }

    private static URI normaliseEndpoint(URI endpoint) {
        if (endpoint == null) {
            return DEFAULT_IAM_ENDPOINT;
        }
        String scheme = endpoint.getScheme();
        if (!endpoint.isAbsolute() || endpoint.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("iamEndpoint must be an absolute http(s) URL, was " + endpoint);
        }
        String path = endpoint.getRawPath();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + TOKEN_PATH);
        }
        return endpoint;
    }

    @Override
    public CredentialType type() {
        return CredentialType.IAM;
    }

    /** Masks the API key completely: even a prefix of an API key is a secret. */
    @Override
    public String toString() {
        return "IamCredentials[apiKey=****, serviceInstanceId=" + serviceInstanceId
                + ", iamEndpoint=" + iamEndpoint + "]";
    }
}
