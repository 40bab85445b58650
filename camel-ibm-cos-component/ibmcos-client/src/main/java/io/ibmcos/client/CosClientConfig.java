package io.ibmcos.client;

import io.ibmcos.client.auth.CosCredentials;
import io.ibmcos.client.auth.IamTokenCache;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link DefaultCosClient}. Build with {@link #builder()}.
 *
 * @param endpoint        COS endpoint, e.g. {@code https://s3.us-south.cloud-object-storage.appdomain.cloud}
 * @param location        SigV4 region scope; COS accepts any string (default {@code us-standard})
 * @param pathStyle       {@code https://endpoint/bucket/key} (default) instead of {@code https://bucket.endpoint/key}
 * @param connectTimeout  TCP/TLS connect timeout (default 10 s)
 * @param requestTimeout  limit until response headers arrive, per attempt (default 5 min; null = none)
 * @param retryPolicy     retries of replayable requests (default {@link RetryPolicy#DEFAULT})
 * @param maxConnections  most requests in flight at once, open download streams included (default 50)
 * @param credentials     IAM or HMAC credentials; null = resolve through the credential chain
 * @param iamTokenCache   shared token cache (e.g. one per Camel component); null = the client owns one
 * @param clock           time source for signing and token expiry
 * @param userAgent       sent as {@code User-Agent}
 */
public record CosClientConfig(URI endpoint, String location, boolean pathStyle, Duration connectTimeout,
        Duration requestTimeout, RetryPolicy retryPolicy, int maxConnections, CosCredentials credentials,
        IamTokenCache iamTokenCache, Clock clock, String userAgent) {

    public static final String DEFAULT_LOCATION = "us-standard";

    public CosClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("The COS endpoint must be an absolute http(s) URL, but was " + endpoint);
        }
        location = location == null || location.isBlank() ? DEFAULT_LOCATION : location;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, but was " + maxConnections);
        }
        clock = clock == null ? Clock.systemUTC() : clock;
        userAgent = userAgent == null ? "ibmcos-client/0.1" : userAgent;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        // credentials mask their own secrets
        return "CosClientConfig[endpoint=" + endpoint + ", location=" + location + ", pathStyle=" + pathStyle
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxConnections="
                + maxConnections + ", credentials=" + credentials + "]";
    }

    public static final class Builder {
        private URI endpoint;
        private String location;
        private boolean pathStyle = true;
        private Duration connectTimeout;
        private Duration requestTimeout = Duration.ofMinutes(5);
        private RetryPolicy retryPolicy;
        private int maxConnections = 50;
        private CosCredentials credentials;
        private IamTokenCache iamTokenCache;
        private Clock clock;
        private String userAgent;

        public Builder endpoint(URI v) {
            endpoint = v;
            return this;
        }

        public Builder endpoint(String v) {
            endpoint = URI.create(v);
            return this;
        }

        public Builder location(String v) {
            location = v;
            return this;
        }

        public Builder pathStyle(boolean v) {
            pathStyle = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder retryPolicy(RetryPolicy v) {
            retryPolicy = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder credentials(CosCredentials v) {
            credentials = v;
            return this;
        }

        public Builder iamTokenCache(IamTokenCache v) {
            iamTokenCache = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder userAgent(String v) {
            userAgent = v;
            return this;
        }

        public CosClientConfig build() {
            return new CosClientConfig(endpoint, location, pathStyle, connectTimeout, requestTimeout, retryPolicy,
                    maxConnections, credentials, iamTokenCache, clock, userAgent);
        }
    }
}
