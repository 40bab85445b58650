package io.ibmcos.camel;

import io.ibmcos.camel.producer.BucketOperations;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.ResolvedCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store and retrieve objects, buckets, legal holds and retention in IBM Cloud Object Storage, and consume new or
 * changed objects from a bucket.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ibmcos", title = "IBM Cloud Object Storage",
             syntax = "ibmcos:bucketName", category = { Category.CLOUD, Category.FILE },
             headersClass = IbmCosConstants.class)
public class IbmCosEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(IbmCosEndpoint.class);

    @UriParam
    private IbmCosConfiguration configuration;

    /** Resolved when the endpoint is created; null when a cosClient is given. */
    private ResolvedCredentials credentials;
    private volatile CosClient client;
    private boolean ownsClient;
    private IdempotentRepository defaultSeenRepository;

    public IbmCosEndpoint(String uri, IbmCosComponent component, IbmCosConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public IbmCosComponent getComponent() {
        return (IbmCosComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new IbmCosProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        IbmCosConsumer consumer = new IbmCosConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The repository of delivered object versions: the configured one, else (unless the post-read action removes
     * objects, which is then the commit) an in-memory LRU owned by this endpoint, so the seen state outlives a
     * consumer restart (route stop/start, camel-master failover back to this node) as long as the endpoint lives.
     */
    synchronized IdempotentRepository seenRepository(boolean objectsAreRemoved) {
        if (configuration.getIdempotentRepository() != null) {
            return configuration.getIdempotentRepository();
        }
        if (objectsAreRemoved) {
            return null;
        }
        if (defaultSeenRepository == null) {
            defaultSeenRepository = MemoryIdempotentRepository.memoryIdempotentRepository(
                    configuration.getIdempotentCacheSize());
        }
        return defaultSeenRepository;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (client == null) {
            CosClient given = configuration.getCosClient();
            if (given != null) {
                client = given;
                ownsClient = false;
            } else {
                LOG.debug("Building a COS client for {} with credentials from {}", configuration.getEndpointUrl(),
                        credentials.source());
                client = new DefaultCosClient(clientConfig());
                ownsClient = true;
            }
        }
        if (configuration.isAutoCreateBucket()) {
            // failures propagate: a route that cannot reach or create its bucket must not start as if it could
            BucketOperations.ensureBucket(client, configuration);
        }
        if (configuration.getAbortIncompleteUploadsAfter() > 0) {
            abortIncompleteUploads();
        }
    }

    /** Startup housekeeping: never keeps the route from starting, a failure is logged (the uploads stay for later). */
    private void abortIncompleteUploads() {
        Duration age = Duration.ofMillis(configuration.getAbortIncompleteUploadsAfter());
        try {
            new IncompleteUploads(client, configuration.getBucketName(), configuration.getPrefix())
                    .abortOlderThan(age, Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("abortIncompleteUploadsAfter: could not list or abort the incomplete uploads of bucket {}: {}",
                    configuration.getBucketName(), e.getMessage());
        }
    }

    @Override
    protected void doStop() throws Exception {
        CosClient c = client;
        client = null;
        if (ownsClient && c != null) {
            c.close();
        }
        ownsClient = false;
        // a repository the user configured is theirs (it may be shared); only our own in-memory one is stopped
        IdempotentRepository own;
        synchronized (this) {
            own = defaultSeenRepository;
            defaultSeenRepository = null;
        }
        ServiceHelper.stopService(own);
        super.doStop();
    }

    CosClientConfig clientConfig() {
        CosClientConfig.Builder b = CosClientConfig.builder()
                .endpoint(URI.create(configuration.getEndpointUrl().strip()))
                .location(configuration.getLocation())
                .pathStyle(configuration.isForcePathStyle())
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .requestTimeout(configuration.getRequestTimeout() > 0
                        ? Duration.ofMillis(configuration.getRequestTimeout()) : null)
                .maxConnections(configuration.getMaxConnections())
                .credentials(credentials.credentials())
                .userAgent("camel-ibmcos/0.1 camel/" + getCamelContext().getVersion());
        if (credentials.credentials() instanceof IamCredentials) {
            b.iamTokenCache(getComponent().iamTokenCache());
        }
        return b.build();
    }

    /** The client in use while the endpoint is started. Shared: callers must never close it. */
    public CosClient getClient() {
        return client;
    }

    public IbmCosConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component configuration.
     */
    public void setConfiguration(IbmCosConfiguration configuration) {
        this.configuration = configuration;
    }

    ResolvedCredentials getCredentials() {
        return credentials;
    }

    void setCredentials(ResolvedCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getEndpointUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "s3";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getBucketName() != null ? Map.of("bucketName", configuration.getBucketName()) : null;
    }

    @Override
    public String toString() {
        // getEndpointUri() itself cannot be masked: Camel keys its endpoint registry by it, and a masked key makes every
        // lookup create a new endpoint (and a new client). Camel masks it wherever it logs or displays it.
        return "IbmCosEndpoint[" + URISupport.sanitizeUri(getEndpointUri()) + "]";
    }
}
