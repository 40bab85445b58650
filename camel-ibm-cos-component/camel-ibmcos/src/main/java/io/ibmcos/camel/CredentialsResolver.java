package io.ibmcos.camel;

import io.ibmcos.client.auth.CosCredentials;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.auth.CredentialsChain;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.ResolvedCredentials;
import java.net.URI;
import java.util.Optional;

/**
 * Turns the credential options of an endpoint into client credentials: explicit options first, then the credential
 * chain (environment, ~/.bluemix/cos_credentials, ~/.aws/credentials). Runs when the endpoint is created, so a
 * misconfigured route fails at startup with a message naming the options, not at the first message. Messages name
 * options, never their values.
 */
final class CredentialsResolver {

    static final String EXPLICIT_SOURCE = "endpoint options";

    private final CredentialsChain chain;

    CredentialsResolver(CredentialsChain chain) {
        this.chain = chain;
    }

    ResolvedCredentials resolve(IbmCosConfiguration c) {
        boolean hasIam = present(c.getApiKey());
        boolean hasHmac = present(c.getAccessKey()) || present(c.getSecretKey());
        CredentialType type = c.getCredentialType();
        if (type == null && hasIam && hasHmac) {
            throw new IllegalArgumentException("Both IAM (option apiKey) and HMAC (options accessKey and secretKey) "
                    + "credentials are set: choose one with option credentialType=IAM or credentialType=HMAC");
        }
        if (type == null) {
            type = hasIam ? CredentialType.IAM : hasHmac ? CredentialType.HMAC : null;
        }
        if (type == CredentialType.IAM && hasIam) {
            return new ResolvedCredentials(iam(c), EXPLICIT_SOURCE);
        }
        if (type == CredentialType.HMAC && hasHmac) {
            return new ResolvedCredentials(hmac(c), EXPLICIT_SOURCE);
        }
        Optional<ResolvedCredentials> found = chain.resolve(type);
        return found.orElseThrow(() -> new IllegalArgumentException(missingMessage(c.getCredentialType())));
    }

    private static CosCredentials iam(IbmCosConfiguration c) {
        URI iamEndpoint;
        try {
            iamEndpoint = present(c.getIamEndpoint()) ? URI.create(c.getIamEndpoint().strip()) : null;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option iamEndpoint is not a valid URL: " + c.getIamEndpoint(), e);
        }
        return new IamCredentials(c.getApiKey(), c.getServiceInstanceId(), iamEndpoint);
    }

    private static CosCredentials hmac(IbmCosConfiguration c) {
        if (!present(c.getAccessKey()) || !present(c.getSecretKey())) {
            throw new IllegalArgumentException("HMAC credentials need both options accessKey and secretKey; only "
                    + (present(c.getAccessKey()) ? "accessKey" : "secretKey") + " is set");
        }
        return new HmacCredentials(c.getAccessKey(), c.getSecretKey());
    }

    private static String missingMessage(CredentialType wanted) {
        String what = wanted == CredentialType.IAM ? "option apiKey (with serviceInstanceId)"
                : wanted == CredentialType.HMAC ? "options accessKey and secretKey"
                : "option apiKey (IAM, with serviceInstanceId) or options accessKey and secretKey (HMAC)";
        return "No IBM COS credentials found: set " + what + ", or option cosClient, or provide them through the "
                + "environment (IBM_API_KEY_ID and IBM_SERVICE_INSTANCE_ID, or AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY), ~/.bluemix/cos_credentials or ~/.aws/credentials";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
