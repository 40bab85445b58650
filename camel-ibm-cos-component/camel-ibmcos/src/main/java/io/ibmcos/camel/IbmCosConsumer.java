package io.ibmcos.camel;

import io.ibmcos.camel.consumer.Delivery;
import io.ibmcos.camel.consumer.KeyShard;
import io.ibmcos.camel.consumer.ListingCursor;
import io.ibmcos.camel.consumer.ObjectTracker;
import io.ibmcos.camel.consumer.PostReadAction;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a bucket and emits each object version once. A poll lists pages (continuing where the previous poll stopped)
 * until a page holds objects that are new or changed, not in flight and in this consumer's shard; it builds their
 * exchanges from the listing alone, then routes them one by one, opening each body just before its exchange is routed.
 * When an exchange completes the body is closed; after success the post-read action (none, delete, move) runs and the
 * version is recorded as seen; after failure nothing is recorded and a later poll emits the object again. So delivery
 * is at-least-once, and effectively-once per version with a persistent idempotent repository.
 *
 * <p>List failures propagate out of {@link #poll()}, so the scheduler's error handling, backoff and the polling
 * consumer health check see them.
 */
public class IbmCosConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(IbmCosConsumer.class);

    private final IbmCosConfiguration config;
    private final PostReadAction postRead;
    private final KeyShard shard;
    private final ListingCursor cursor;
    private ObjectTracker tracker;
    private boolean sharedRepository;

    public IbmCosConsumer(IbmCosEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
        // both throw on contradictory options, so the route fails at startup instead of misbehaving at runtime
        this.postRead = PostReadAction.of(config);
        this.shard = new KeyShard(config.getShardCount(), config.getShardIndex());
        if (config.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("Option maxMessagesPerPoll must be 0 (unlimited) or more, but was "
                    + config.getMaxMessagesPerPoll());
        }
        setMaxMessagesPerPoll(config.getMaxMessagesPerPoll());
        int pageSize = isUnlimited() ? 1000 : Math.min(config.getMaxMessagesPerPoll(), 1000);
        this.cursor = new ListingCursor(config.getBucketName(), config.getPrefix(), config.getDelimiter(), pageSize,
                config.getStartAfter());
    }

    @Override
    public IbmCosEndpoint getEndpoint() {
        return (IbmCosEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        // the repository first: the first poll may run as soon as super.doStart() has scheduled it
        IdempotentRepository seen = getEndpoint().seenRepository(postRead.removesObject());
        ServiceHelper.startService(seen);
        tracker = new ObjectTracker(seen);
        // a repository the user gave may be shared with other replicas: worth a second look before each GET
        sharedRepository = config.getIdempotentRepository() != null;
        super.doStart();
    }

    /** For tests and monitoring: the objects emitted whose exchange has not completed. */
    public ObjectTracker tracker() {
        return tracker;
    }

    private boolean isUnlimited() {
        return config.getMaxMessagesPerPoll() == 0;
    }

    @Override
    protected int poll() throws Exception {
        // reset, as a previous poll may have been interrupted by a shutdown
        shutdownRunningTask = null;
        pendingExchanges = 0;
        CosClient client = getEndpoint().getClient();
        List<ObjectSummary> claimed = config.getFileName() != null && !config.getFileName().isEmpty()
                ? claimFile(client) : claimFromListing(client);
        Queue<Object> deliveries = new ArrayDeque<>(claimed.size());
        for (ObjectSummary o : claimed) {
            deliveries.add(newDelivery(o));
        }
        return processBatch(deliveries);
    }

    /** Reads pages until one yields claimable objects (unlimited: to the end of the listing). */
    private List<ObjectSummary> claimFromListing(CosClient client) {
        List<ObjectSummary> claimed = new ArrayList<>();
        try {
            do {
                ObjectListing page = cursor.next(client);
                for (ObjectSummary o : page.objects()) {
                    if (accepts(o) && tracker.claim(o.key(), o.eTag())) {
                        claimed.add(o);
                    }
                }
            } while (!cursor.atStart() && (claimed.isEmpty() || isUnlimited()) && isRunAllowed());
        } catch (RuntimeException e) {
            // a later page failed (unlimited): nothing of this poll is routed, so nothing may stay claimed
            claimed.forEach(o -> tracker.release(o.key()));
            throw e;
        }
        return claimed;
    }

    /** fileName: one HEAD instead of a listing; a missing object is simply nothing new. */
    private List<ObjectSummary> claimFile(CosClient client) {
        ObjectMetadata m;
        try {
            m = client.headObject(config.getBucketName(), config.getFileName());
        } catch (CosServiceException e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(e.errorCode())) {
                return List.of();
            }
            throw e;
        }
        ObjectSummary o = new ObjectSummary(m.key() != null ? m.key() : config.getFileName(), m.lastModified(),
                m.eTag(), m.contentLength(), m.storageClass(), null);
        return accepts(o) && tracker.claim(o.key(), o.eTag()) ? List.of(o) : List.of();
    }

    private boolean accepts(ObjectSummary o) {
        return (config.isIncludeFolders() || !o.key().endsWith("/"))
                && shard.owns(o.key())
                && !postRead.isDestination(config.getBucketName(), o.key());
    }

    private Delivery newDelivery(ObjectSummary o) {
        Exchange exchange = createExchange(false);
        Delivery d = new Delivery(exchange, config.getBucketName(), o);
        // registered before routing: whatever way the exchange ends, the body is closed and the claim released
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange e) {
                completed(d, true);
            }

            @Override
            public void onFailure(Exchange e) {
                completed(d, false);
            }
        });
        return d;
    }

    @Override
    public int processBatch(Queue<Object> deliveries) {
        int total = deliveries.size();
        int routed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Delivery d = (Delivery) deliveries.poll();
            Exchange exchange = d.exchange();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (sharedRepository && tracker.deliveredSinceClaim(d.key(), d.eTag())) {
                // a replica sharing the repository finished it while this batch waited: no GET, no second delivery
                LOG.debug("Object {} in bucket {} was delivered by another consumer since it was listed; skipped",
                        d.key(), d.bucket());
                abandon(d);
                continue;
            }
            if (!open(d)) {
                continue;
            }
            routed++;
            AsyncCallback callback = defaultConsumerCallback(exchange, true);
            getAsyncProcessor().process(exchange, callback);
        }
        // stopped mid-batch: these were claimed but never routed (and never opened)
        for (Object left; (left = deliveries.poll()) != null;) {
            abandon((Delivery) left);
        }
        return routed;
    }

    /** Opens the body (or HEAD); on failure the object is released for a later poll and the exchange not routed. */
    private boolean open(Delivery d) {
        try {
            d.open(getEndpoint().getClient(), config.isIncludeBody(), config.isIncludeUserMetadata());
            return true;
        } catch (CosServiceException e) {
            if (e.statusCode() == 404 && "NoSuchKey".equals(e.errorCode())) {
                LOG.debug("Object {} in bucket {} was removed after it was listed; skipped", d.key(), d.bucket());
            } else {
                getExceptionHandler().handleException("Could not read object " + d.key() + " in bucket "
                        + d.bucket() + "; it is retried on a later poll", d.exchange(), e);
            }
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Could not read object " + d.key() + " in bucket " + d.bucket()
                    + "; it is retried on a later poll", d.exchange(), e);
        }
        abandon(d);
        return false;
    }

    private void abandon(Delivery d) {
        d.closeBody();
        tracker.release(d.key());
        releaseExchange(d.exchange(), false);
    }

    /**
     * Runs once per routed exchange, on the thread that completes it. Order matters: close the body (frees the
     * connection the delete or copy may need), commit, record as seen, and only then release the claim, so no poll
     * can slip in between and emit the object again.
     */
    private void completed(Delivery d, boolean success) {
        try {
            if (config.isAutocloseBody()) {
                d.closeBody();
            }
            if (!success) {
                LOG.debug("Exchange for object {} in bucket {} failed; it is emitted again on a later poll", d.key(),
                        d.bucket());
                return;
            }
            try {
                postRead.apply(getEndpoint().getClient(), d.bucket(), d.key(), d.eTag(), d.size());
            } catch (RuntimeException e) {
                String what = postRead instanceof PostReadAction.Move ? "move" : "delete";
                LOG.warn("Could not {} object {} in bucket {} after it was processed: {}. It stays and is processed "
                        + "again on a later poll", what, d.key(), d.bucket(), e.getMessage());
                getExceptionHandler().handleException("Could not " + what + " object " + d.key() + " in bucket "
                        + d.bucket(), d.exchange(), e);
                return;
            }
            try {
                tracker.confirm(d.key(), d.eTag());
            } catch (RuntimeException e) {
                // e.g. a JDBC repository that is down: the object was processed but will be delivered again
                getExceptionHandler().handleException("Could not record object " + d.key() + " in bucket "
                        + d.bucket() + " as delivered; it will be delivered again", d.exchange(), e);
            }
        } finally {
            tracker.release(d.key());
        }
    }

    @Override
    public String toString() {
        return "IbmCosConsumer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}
