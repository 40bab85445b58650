package io.ibmcos.camel.producer;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.IbmCosOperation;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which message headers may redirect a producer. Headers can arrive from an untrusted source (an HTTP, JMS or Kafka
 * consumer upstream; Camel's header-injection advisories of 2025-2026 are the model), so the header that selects the
 * operation and the headers that select a bucket are honoured only when the endpoint opts in:
 * <ul>
 * <li>{@code CamelIbmCosOperation} naming an operation other than the endpoint's fails the exchange unless
 * {@code allowOperationOverride=true}; a destructive one also needs {@code allowDestructiveOperationOverride=true}
 * (which implies the first). Failing, not ignoring: a route that meant getObject must not silently run putObject
 * over the object it wanted to read.</li>
 * <li>{@code CamelIbmCosBucketName} and {@code CamelIbmCosDestinationBucketName} naming another bucket are ignored
 * (the endpoint's bucket is used, one WARN per producer) unless {@code allowBucketOverride=true}. Ignoring keeps
 * {@code from("ibmcos:a").to("ibmcos:b")} writing to b: the consumer sets the bucket header to a.</li>
 * </ul>
 * Credentials and the endpoint URL are never read from headers. Header names are matched case-insensitively by
 * Camel, so {@code CAMELIBMCOSOPERATION} is the same header and meets the same checks.
 */
public final class HeaderPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderPolicy.class);

    private final IbmCosConfiguration config;
    private final AtomicBoolean bucketWarned = new AtomicBoolean();

    public HeaderPolicy(IbmCosConfiguration config) {
        this.config = config;
    }

    /** The operation of this exchange: the endpoint's, or the header's when the endpoint allows it. */
    public IbmCosOperation operation(Exchange exchange) {
        IbmCosOperation own = config.getOperation() != null ? config.getOperation() : IbmCosOperation.putObject;
        Object header = exchange.getMessage().getHeader(IbmCosConstants.OPERATION);
        if (header == null) {
            return own;
        }
        IbmCosOperation requested;
        try {
            requested = exchange.getContext().getTypeConverter().mandatoryConvertTo(IbmCosOperation.class, exchange,
                    header);
        } catch (NoTypeConversionAvailableException | TypeConversionException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + IbmCosConstants.OPERATION + " names no operation: " + header
                    + "; valid: " + Arrays.toString(IbmCosOperation.values()), e);
        }
        if (requested == own) {
            return own;
        }
        if (requested.isDestructive()) {
            if (!config.isAllowDestructiveOperationOverride()) {
                throw new IllegalArgumentException("Header " + IbmCosConstants.OPERATION + "=" + requested
                        + " selects a destructive operation, which this endpoint (operation=" + own
                        + ") does not allow: set option allowDestructiveOperationOverride=true to permit it");
            }
            return requested;
        }
        if (!config.isAllowOperationOverride() && !config.isAllowDestructiveOperationOverride()) {
            throw new IllegalArgumentException("Header " + IbmCosConstants.OPERATION + "=" + requested
                    + " differs from this endpoint's operation (" + own + "): headers may select the operation only "
                    + "when the endpoint sets option allowOperationOverride=true (or set option operation=" + requested
                    + ")");
        }
        return requested;
    }

    /** The bucket of this exchange: the endpoint's, or the header's when the endpoint allows it. */
    public String bucket(Exchange exchange) {
        return bucketFrom(exchange, IbmCosConstants.BUCKET_NAME, config.getBucketName());
    }

    /** The copy destination: header CamelIbmCosDestinationBucketName when allowed, else {@code fallback}. */
    public String destinationBucket(Exchange exchange, String fallback) {
        return bucketFrom(exchange, IbmCosConstants.DESTINATION_BUCKET_NAME, fallback);
    }

    private String bucketFrom(Exchange exchange, String header, String endpointBucket) {
        String requested = exchange.getMessage().getHeader(header, String.class);
        if (requested == null || requested.equals(endpointBucket)) {
            return endpointBucket;
        }
        if (config.isAllowBucketOverride()) {
            return requested;
        }
        if (bucketWarned.compareAndSet(false, true)) {
            LOG.warn("Ignoring header {}={} on the endpoint of bucket {}: headers may select a bucket only when the "
                    + "endpoint sets option allowBucketOverride=true (logged once per producer)", header, requested,
                    endpointBucket);
        } else {
            LOG.debug("Ignoring header {}={} (allowBucketOverride=false)", header, requested);
        }
        return endpointBucket;
    }
}
