package io.ibmcos.camel.consumer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.IdempotentRepository;

/**
 * What the consumer has delivered and what it is delivering.
 *
 * <ul>
 * <li><b>Seen</b>: the (key, ETag) pairs whose exchange completed successfully, in an {@link IdempotentRepository}.
 * The ETag is part of the entry, so an overwritten object (new ETag) is delivered once more. Entries are written only
 * after success ({@link #confirm}), never when an object is merely emitted: a failed exchange leaves no entry and the
 * object comes again on a later poll.</li>
 * <li><b>In flight</b>: keys whose exchange has not completed yet. {@link #claim} adds the key atomically, so a later
 * poll (asynchronous routes let polls overlap with processing) cannot emit the same object twice; {@link #release}
 * must follow on every path: completion, failure, an error before routing, shutdown.</li>
 * </ul>
 * The in-flight set is local to this consumer on purpose: replicas are kept apart by sharding or camel-master, not by
 * a shared claim store.
 */
public final class ObjectTracker {

    private final IdempotentRepository seen;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /** @param seen null: nothing is remembered (deleteAfterRead/moveAfterRead without a repository) */
    public ObjectTracker(IdempotentRepository seen) {
        this.seen = seen;
    }

    /** The repository entry of one object version. ETags hold no '@', so the entry is unambiguous. */
    static String entry(String key, String eTag) {
        return key + "@" + eTag;
    }

    /** Claims the object for one exchange: false when this version was delivered already or the key is in flight. */
    public boolean claim(String key, String eTag) {
        if (seen != null && seen.contains(entry(key, eTag))) {
            return false;
        }
        return inFlight.add(key);
    }

    /**
     * Whether this version was recorded as delivered since it was claimed: by another replica sharing the repository
     * (two consumers list the same objects at the same time), checked again just before its exchange is routed.
     */
    public boolean deliveredSinceClaim(String key, String eTag) {
        return seen != null && seen.contains(entry(key, eTag));
    }

    /** Records a successful delivery of this version. Call before {@link #release}, so no poll slips in between. */
    public void confirm(String key, String eTag) {
        if (seen != null) {
            String entry = entry(key, eTag);
            seen.add(entry);
            seen.confirm(entry);
        }
    }

    public void release(String key) {
        inFlight.remove(key);
    }

    public boolean isInFlight(String key) {
        return inFlight.contains(key);
    }

    public int inFlightCount() {
        return inFlight.size();
    }
}
