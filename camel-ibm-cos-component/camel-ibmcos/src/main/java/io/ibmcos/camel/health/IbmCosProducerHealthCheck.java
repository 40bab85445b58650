package io.ibmcos.camel.health;

import io.ibmcos.camel.IbmCosEndpoint;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.error.CosServiceException;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an {@code ibmcos:} producer: can its client reach the endpoint's bucket ({@code HEAD /bucket})?
 * Uses the endpoint's shared client and never closes it: a health check that closed the client would break the very
 * route it reports on.
 */
public final class IbmCosProducerHealthCheck extends AbstractHealthCheck {

    private final IbmCosEndpoint endpoint;

    public IbmCosProducerHealthCheck(IbmCosEndpoint endpoint, String routeOrEndpointId) {
        super("camel", "producer:ibmcos-" + routeOrEndpointId);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        // an unreachable bucket is not a reason to restart the JVM
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CosClient client = endpoint.getClient();
        String bucket = endpoint.getConfiguration().getBucketName();
        builder.detail("bucket", bucket);
        if (client == null) {
            builder.message("The endpoint is not started").down();
            return;
        }
        try {
            client.headBucket(bucket);
            builder.up();
        } catch (CosServiceException e) {
            builder.message(e.getMessage());
            builder.detail(SERVICE_STATUS_CODE, e.statusCode());
            builder.detail(SERVICE_ERROR_CODE, e.errorCode());
            builder.down();
        } catch (RuntimeException e) {
            builder.message(e.getMessage());
            builder.error(e);
            builder.down();
        }
    }
}
