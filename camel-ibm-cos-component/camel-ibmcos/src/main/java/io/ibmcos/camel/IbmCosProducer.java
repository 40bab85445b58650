package io.ibmcos.camel;

import io.ibmcos.camel.health.IbmCosProducerHealthCheck;
import io.ibmcos.camel.producer.AsperaOperations;
import io.ibmcos.camel.producer.BucketOperations;
import io.ibmcos.camel.producer.ChecksumPolicy;
import io.ibmcos.camel.producer.HeaderPolicy;
import io.ibmcos.camel.producer.ImmutabilityOperations;
import io.ibmcos.camel.producer.MultipartOperations;
import io.ibmcos.camel.producer.ObjectOperations;
import io.ibmcos.camel.producer.OperationResult;
import io.ibmcos.camel.producer.OptionResolver;
import io.ibmcos.camel.producer.PresignOperations;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.aspera.DelegatedTokens;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.ResolvedCredentials;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.util.URISupport;

/**
 * Dispatches each exchange to the handler of its operation and merges the result into the message. The operation
 * is the endpoint's option, or header CamelIbmCosOperation when the endpoint allows it ({@link HeaderPolicy}). The
 * switch has no default arm: a new enum constant without a handler does not compile.
 */
public class IbmCosProducer extends DefaultProducer {

    private ObjectOperations objects;
    private ExecutorService uploadThreads;
    private BucketOperations buckets;
    private ImmutabilityOperations immutability;
    private PresignOperations presign;
    private AsperaOperations aspera;
    private WritableHealthCheckRepository healthRepository;
    private IbmCosProducerHealthCheck healthCheck;
    private HeaderPolicy headerPolicy;

    public IbmCosProducer(IbmCosEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public IbmCosEndpoint getEndpoint() {
        return (IbmCosEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CosClient client = getEndpoint().getClient();
        IbmCosConfiguration config = getEndpoint().getConfiguration();
        headerPolicy = new HeaderPolicy(config);
        uploadThreads = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "IbmCosUpload", config.getMultipartConcurrency());
        objects = new ObjectOperations(client, new MultipartOperations(client, config, uploadThreads),
                new ChecksumPolicy(client, config.getChecksumMode()));
        buckets = new BucketOperations(client);
        immutability = new ImmutabilityOperations(client);
        CredentialType type = getEndpoint().getCredentials() == null ? null
                : getEndpoint().getCredentials().credentials().type();
        presign = new PresignOperations(client, type);
        aspera = new AsperaOperations(client, config, type, delegatedTokens(), uploadThreads);
        healthRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthRepository != null) {
            healthCheck = new IbmCosProducerHealthCheck(getEndpoint(), getEndpoint().getConfiguration().getBucketName());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthRepository != null && healthCheck != null) {
            healthRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (aspera != null) {
            aspera.close(); // cancels running transfers: their exchanges fail instead of outliving the route
            aspera = null;
        }
        if (uploadThreads != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(uploadThreads);
            uploadThreads = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        IbmCosConfiguration config = getEndpoint().getConfiguration();
        IbmCosOperation operation = headerPolicy.operation(exchange);
        OptionResolver opts = new OptionResolver(exchange, config, operation, headerPolicy);
        OperationResult result = switch (operation) {
            case putObject -> objects.putObject(opts);
            case multipartUpload -> objects.multipartUpload(opts);
            case getObject -> objects.getObject(opts);
            case getObjectRange -> objects.getObjectRange(opts);
            case headObject -> objects.headObject(opts);
            case deleteObject -> objects.deleteObject(opts);
            case deleteObjects -> objects.deleteObjects(opts);
            case copyObject -> objects.copyObject(opts);
            case updateMetadata -> objects.updateMetadata(opts);
            case listObjects -> objects.listObjects(opts);
            case listBuckets -> buckets.listBuckets(opts);
            case createBucket -> buckets.createBucket(opts);
            case deleteBucket -> buckets.deleteBucket(opts);
            case headBucket -> buckets.headBucket(opts);
            case putBucketProtectionConfiguration -> buckets.putBucketProtectionConfiguration(opts);
            case getBucketProtectionConfiguration -> buckets.getBucketProtectionConfiguration(opts);
            case addLegalHold -> immutability.addLegalHold(opts);
            case deleteLegalHold -> immutability.deleteLegalHold(opts);
            case listLegalHolds -> immutability.listLegalHolds(opts);
            case extendRetention -> immutability.extendRetention(opts);
            case createPresignedUrl -> presign.createPresignedUrl(opts);
            case asperaUpload -> aspera.asperaUpload(opts);
            case asperaDownload -> aspera.asperaDownload(opts);
        };
        result.applyTo(exchange.getMessage());
    }

    /** Delegated tokens for Aspera from the component's shared IAM cache; null unless the endpoint uses IAM. */
    private DelegatedTokens delegatedTokens() {
        ResolvedCredentials resolved = getEndpoint().getCredentials();
        if (resolved != null && resolved.credentials() instanceof IamCredentials iam) {
            return DelegatedTokens.of(getEndpoint().getComponent().iamTokenCache().manager(iam));
        }
        return null;
    }

    @Override
    public String toString() {
        return "IbmCosProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}
