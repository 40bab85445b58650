package io.ibmcos.examples.quickstart;

import io.ibmcos.client.model.ObjectSummary;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the routes did, recorded from route steps (several threads: file consumer, two COS consumers, timer), and
 * the place the launcher waits on until the work is done. All state is guarded by this object's monitor.
 */
public final class QuickstartStats {

    static final String UPLOAD_STARTED = "quickstartUploadStarted";
    static final String PAGES = "quickstartPages";
    static final String LISTED_OBJECTS = "quickstartListedObjects";
    static final String LISTED_BYTES = "quickstartListedBytes";

    private static final Logger REPORT = LoggerFactory.getLogger("io.ibmcos.examples.quickstart.report");

    private int uploads;
    private long uploadedBytes;
    private LargeUpload largestUpload;
    private int legalHolds;
    /** deliveries per "bucket/key": the consumer must deliver each version exactly once */
    private final Map<String, Integer> deliveries = new LinkedHashMap<>();
    private int deliveriesTotal;
    private int idlePolls;
    private int idlePollsAtLastDelivery;
    private int listings;
    private Listing lastListing;
    private String failure;

    /** One multipart upload: size, parts and wall time measured around the ibmcos: step. */
    public record LargeUpload(String key, long bytes, Integer parts, long nanos) {
        public double mibPerSecond() {
            return nanos <= 0 ? 0 : bytes / 1048576.0 / (nanos / 1e9);
        }
    }

    /** One complete paged listing of the data bucket. */
    public record Listing(int objects, long bytes, int pages) {
    }

    public synchronized void uploaded(Exchange exchange) {
        Message m = exchange.getMessage();
        long bytes = m.getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        long started = exchange.getProperty(UPLOAD_STARTED, System.nanoTime(), Long.class);
        uploads++;
        uploadedBytes += bytes;
        if (largestUpload == null || bytes > largestUpload.bytes()) {
            largestUpload = new LargeUpload(m.getHeader("CamelIbmCosKey", String.class), bytes,
                    m.getHeader("CamelIbmCosPartCount", Integer.class), System.nanoTime() - started);
        }
        notifyAll();
    }

    /** After listLegalHolds: the body is the object's list of holds. */
    public synchronized void legalHoldApplied(Exchange exchange) {
        Collection<?> holds = exchange.getMessage().getBody(Collection.class);
        if (holds == null || holds.isEmpty()) {
            throw new IllegalStateException("no legal hold on " + exchange.getMessage().getHeader("CamelIbmCosKey"));
        }
        legalHolds++;
        notifyAll();
    }

    /** One line per delivered object, after the headObject enrichment (which adds retention and metadata). */
    public synchronized void consumed(Exchange exchange) {
        Message m = exchange.getMessage();
        String id = m.getHeader("CamelIbmCosBucketName") + "/" + m.getHeader("CamelIbmCosKey");
        int n = deliveries.merge(id, 1, Integer::sum);
        deliveriesTotal++;
        idlePollsAtLastDelivery = idlePolls;
        Object expires = m.getHeader("CamelIbmCosRetentionExpirationDate");
        REPORT.info("consumed {}{} size={} etag={} retention={} legalHolds={} metadata={}", id,
                n > 1 ? " (changed, delivery " + n + ")" : "", m.getHeader("CamelIbmCosContentLength"),
                m.getHeader("CamelIbmCosETag"), expires == null ? "none" : "until " + expires,
                m.getHeader("CamelIbmCosRetentionLegalHoldCount", 0, Integer.class),
                m.getHeader("CamelIbmCosMetadata"));
        notifyAll();
    }

    /** An empty exchange from sendEmptyMessageWhenIdle: a poll that found nothing new. */
    public synchronized void idlePoll(Exchange exchange) {
        idlePolls++;
        notifyAll();
    }

    /** After each listObjects page; the exchange properties accumulate one listing. */
    public void listingPage(Exchange exchange) {
        Collection<?> page = exchange.getMessage().getBody(Collection.class);
        exchange.setProperty(PAGES, exchange.getProperty(PAGES, 0, Integer.class) + 1);
        exchange.setProperty(LISTED_OBJECTS, exchange.getProperty(LISTED_OBJECTS, 0, Integer.class) + page.size());
        long bytes = page.stream().mapToLong(o -> ((ObjectSummary) o).size()).sum();
        exchange.setProperty(LISTED_BYTES, exchange.getProperty(LISTED_BYTES, 0L, Long.class) + bytes);
    }

    public synchronized void listingDone(Exchange exchange) {
        lastListing = new Listing(exchange.getProperty(LISTED_OBJECTS, 0, Integer.class),
                exchange.getProperty(LISTED_BYTES, 0L, Long.class), exchange.getProperty(PAGES, 0, Integer.class));
        listings++;
        REPORT.info("listing: {} objects, {} bytes, {} pages", lastListing.objects(), lastListing.bytes(),
                lastListing.pages());
        notifyAll();
    }

    /** Any route error ends the run: the quickstart must fail loudly, not wait for its timeout. */
    public synchronized void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure == null) {
            failure = "route " + exchange.getFromRouteId() + " failed: " + e;
        }
        notifyAll();
    }

    /**
     * Waits until the condition (evaluated under this monitor) holds. A route failure or the deadline ends the
     * wait with an exception that says what was awaited and what had happened so far.
     */
    public synchronized void await(String what, BooleanSupplier condition, long deadlineNanos)
            throws InterruptedException, TimeoutException {
        while (true) {
            // a failure wins even when the condition already holds: the run must not report success after an error
            if (failure != null) {
                throw new IllegalStateException(failure + " (while waiting for " + what + ")");
            }
            if (condition.getAsBoolean()) {
                return;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("timed out waiting for " + what + "; so far: " + this);
            }
            wait(Math.max(1, Math.min(left / 1_000_000, 1000)));
        }
    }

    public synchronized int uploads() {
        return uploads;
    }

    public synchronized long uploadedBytes() {
        return uploadedBytes;
    }

    public synchronized LargeUpload largestUpload() {
        return largestUpload;
    }

    public synchronized int legalHolds() {
        return legalHolds;
    }

    public synchronized int deliveriesTotal() {
        return deliveriesTotal;
    }

    public synchronized int deliveriesOf(String bucketSlashKey) {
        return deliveries.getOrDefault(bucketSlashKey, 0);
    }

    public synchronized Map<String, Integer> deliveries() {
        return Map.copyOf(deliveries);
    }

    public synchronized int idlePollsSinceLastDelivery() {
        return idlePolls - idlePollsAtLastDelivery;
    }

    public synchronized int listings() {
        return listings;
    }

    public synchronized Listing lastListing() {
        return lastListing;
    }

    @Override
    public synchronized String toString() {
        return uploads + " uploads, " + legalHolds + " legal holds, " + deliveriesTotal + " deliveries "
                + deliveries + ", " + listings + " listings";
    }
}
