package io.ibmcos.camel.consumer;

import io.ibmcos.client.CosClient;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One object on its way through the route: its exchange, built from the listing alone, and the download opened just
 * before the exchange is routed ({@link #open}) — never while the batch is built, so a poll of N objects holds at most
 * one open stream per exchange actually in flight, not N.
 */
public final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Exchange exchange;
    private final String bucket;
    private final ObjectSummary object;
    private volatile String eTag;
    private volatile long size;
    private volatile GetObjectResponse response;

    public Delivery(Exchange exchange, String bucket, ObjectSummary object) {
        this.exchange = exchange;
        this.bucket = bucket;
        this.object = object;
        this.eTag = object.eTag();
        this.size = object.size();
        ConsumerHeaders.fromListing(exchange.getMessage(), bucket, object);
    }

    /**
     * Reads what the message needs beyond the listing: the body (GET) or, on request, the metadata (HEAD). The
     * response's ETag becomes the delivered version, in case the object changed since it was listed.
     */
    public void open(CosClient client, boolean includeBody, boolean includeUserMetadata) {
        ObjectMetadata metadata = null;
        if (includeBody) {
            GetObjectResponse r = client.getObject(GetObjectRequest.of(bucket, object.key()));
            response = r;
            metadata = r.metadata();
            exchange.getMessage().setBody(r.content());
        } else if (includeUserMetadata) {
            metadata = client.headObject(bucket, object.key());
        }
        if (metadata != null) {
            ConsumerHeaders.fromMetadata(exchange.getMessage(), metadata);
            eTag = metadata.eTag() != null ? metadata.eTag() : eTag;
            size = metadata.contentLength();
        }
    }

    /** Closes the download, if any; idempotent. Closing releases the HTTP connection even if the body was unread. */
    public void closeBody() {
        GetObjectResponse r = response;
        response = null;
        if (r != null) {
            try {
                r.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the download of {} in bucket {} failed: {}", object.key(), bucket, e.toString());
            }
        }
    }

    public Exchange exchange() {
        return exchange;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return object.key();
    }

    /** The ETag of the version delivered (from the GET or HEAD when there was one, else from the listing). */
    public String eTag() {
        return eTag;
    }

    public long size() {
        return size;
    }
}
