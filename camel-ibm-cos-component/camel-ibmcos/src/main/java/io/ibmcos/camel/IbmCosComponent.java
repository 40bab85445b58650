package io.ibmcos.camel;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.auth.CredentialsChain;
import io.ibmcos.client.auth.IamTokenCache;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;

/**
 * The {@code ibmcos:} component. Holds the option template every endpoint copies, and one IAM token cache shared by
 * the clients its endpoints build, so N endpoints with one API key cost one IAM token, not N.
 */
@Component("ibmcos")
public class IbmCosComponent extends HealthCheckComponent {

    @Metadata
    private IbmCosConfiguration configuration = new IbmCosConfiguration();

    // created on first use, not in the constructor: a component may be built at Quarkus build time, and a token cache
    // may hold threads or an HTTP client that cannot live in a native image heap
    private IamTokenCache iamTokenCache;
    private CredentialsChain credentialsChain;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("The bucket name must be given: ibmcos:bucketName");
        }
        IbmCosConfiguration config = configuration.copy();
        IbmCosEndpoint endpoint = new IbmCosEndpoint(uri, this, config);
        config.setBucketName(remaining);
        setProperties(endpoint, parameters);
        EndpointOptionChecks.check(config);
        if (config.getCosClient() == null && isAutowiredEnabled()) {
            // the registry may hold a client bound after the component was configured
            Set<CosClient> clients = getCamelContext().getRegistry().findByType(CosClient.class);
            if (clients.size() == 1) {
                config.setCosClient(clients.iterator().next());
            }
        }
        if (config.getCosClient() == null) {
            validateEndpointUrl(config.getEndpointUrl());
            endpoint.setCredentials(new CredentialsResolver(credentialsChain()).resolve(config));
        }
        return endpoint;
    }

    private static void validateEndpointUrl(String endpointUrl) {
        if (ObjectHelper.isEmpty(endpointUrl)) {
            throw new IllegalArgumentException("Option endpointUrl is required unless option cosClient is given, e.g. "
                    + "endpointUrl=https://s3.us-south.cloud-object-storage.appdomain.cloud");
        }
        URI uri;
        try {
            uri = URI.create(endpointUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option endpointUrl is not a valid URL: " + endpointUrl, e);
        }
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("Option endpointUrl must be an absolute http(s) URL, but was "
                    + endpointUrl);
        }
    }

    public IbmCosConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component configuration: the defaults every endpoint starts from.
     */
    public void setConfiguration(IbmCosConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The IAM token cache shared by the clients this component's endpoints build. */
    synchronized IamTokenCache iamTokenCache() {
        if (iamTokenCache == null) {
            iamTokenCache = new IamTokenCache();
        }
        return iamTokenCache;
    }

    synchronized CredentialsChain credentialsChain() {
        if (credentialsChain == null) {
            credentialsChain = CredentialsChain.fromSystem();
        }
        return credentialsChain;
    }

    /** For tests: resolve fallback credentials from a controlled environment instead of the real one. */
    synchronized void useCredentialsChain(CredentialsChain chain) {
        this.credentialsChain = chain;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        IamTokenCache cache;
        synchronized (this) {
            cache = iamTokenCache;
            iamTokenCache = null;
        }
        if (cache != null) {
            cache.close();
        }
    }
}
