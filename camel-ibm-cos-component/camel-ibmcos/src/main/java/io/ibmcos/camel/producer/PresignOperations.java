package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.model.PresignRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** createPresignedUrl: a SigV4 query-signed GET or PUT URL. Needs HMAC keys: IAM bearer tokens cannot sign a URL. */
public final class PresignOperations {

    private final CosClient client;
    private final CredentialType credentialType;

    /** {@code credentialType} null when the client was given to us and we cannot know its credentials. */
    public PresignOperations(CosClient client, CredentialType credentialType) {
        this.client = client;
        this.credentialType = credentialType;
    }

    public OperationResult createPresignedUrl(OptionResolver opts) {
        if (credentialType == CredentialType.IAM) {
            throw new IllegalStateException("createPresignedUrl needs HMAC credentials (options accessKey and "
                    + "secretKey); this endpoint authenticates with IAM, whose bearer tokens cannot sign a URL");
        }
        String bucket = opts.bucket();
        String key = opts.key();
        PresignRequest.Method method = method(opts);
        Long seconds = opts.header(IbmCosConstants.PRESIGN_EXPIRY, Long.class);
        Duration expiry = seconds != null ? Duration.ofSeconds(seconds)
                : Duration.ofMillis(opts.config().getPresignExpiry());
        PresignRequest request;
        try {
            request = new PresignRequest(method, bucket, key, expiry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid presigned URL expiry (header " + IbmCosConstants.PRESIGN_EXPIRY
                    + " in seconds or option presignExpiry): " + e.getMessage(), e);
        }
        URI url = client.createPresignedUrl(request);
        return OperationResult.of(url.toString()).withHeader(IbmCosConstants.KEY, key);
    }

    private static PresignRequest.Method method(OptionResolver opts) {
        String header = opts.header(IbmCosConstants.PRESIGN_METHOD, String.class);
        if (header == null) {
            return opts.config().getPresignMethod();
        }
        try {
            return PresignRequest.Method.valueOf(header.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + IbmCosConstants.PRESIGN_METHOD + " must be GET or PUT, but was "
                    + header, e);
        }
    }
}
