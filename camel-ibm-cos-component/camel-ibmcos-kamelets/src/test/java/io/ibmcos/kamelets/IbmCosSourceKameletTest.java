package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosEndpoint;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.ObjectSummary;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

/**
 * {@code kamelet:ibmcos-source} to a mock. The source polls every 50 ms; "nothing more happens" is shown by waiting
 * until the emulator has answered further listings (a count, not a clock) and then checking what was delivered.
 */
class IbmCosSourceKameletTest extends KameletRuntimeTestSupport {

    private final MemoryIdempotentRepository seen = new MemoryIdempotentRepository();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("seen", seen);
    }

    private MockEndpoint source(String bucket, String options) throws Exception {
        hmacConnection("ibmcos-source");
        kameletProperty("ibmcos-source", "delay", 50);
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:ibmcos-source?bucketName=" + bucket + (options.isEmpty() ? "" : "&" + options))
                        .routeId("source").convertBodyTo(String.class).to("mock:" + bucket);
            }
        });
        return getMockEndpoint("mock:" + bucket);
    }

    /** Waits (bounded) until the emulator has answered {@code more} further listings of the bucket. */
    static void awaitMoreListings(int more) {
        long target = emulator.stats().count("ListObjectsV2") + more;
        awaitCondition(() -> emulator.stats().count("ListObjectsV2") >= target, "listings");
    }

    static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    static List<String> keys(String bucket) {
        return cos.listObjectsV2(ListObjectsRequest.of(bucket)).objects().stream().map(ObjectSummary::key).toList();
    }

    static List<String> receivedKeys(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader("CamelIbmCosKey", String.class))
                .toList();
    }

    @Test
    void emitsEachObjectOnceAndDeletesNothingByDefault() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "a.txt", "A", "text/plain");
        putObject(bucket, "b.txt", "B");
        putObject(bucket, "c.txt", "C");
        MockEndpoint mock = source(bucket, "");
        mock.expectedMessageCount(3);
        mock.assertIsSatisfied();

        awaitMoreListings(3);

        assertThat(receivedKeys(mock)).containsExactlyInAnyOrder("a.txt", "b.txt", "c.txt");
        assertThat(keys(bucket)).containsExactly("a.txt", "b.txt", "c.txt");
        assertThat(stats()).doesNotContainKeys("DeleteObject", "DeleteObjects", "CopyObject");
        Exchange a = mock.getReceivedExchanges().stream()
                .filter(e -> "a.txt".equals(e.getMessage().getHeader("CamelIbmCosKey"))).findFirst().orElseThrow();
        assertThat(a.getMessage().getBody(String.class)).isEqualTo("A");
        assertThat(a.getMessage().getHeader("file")).isEqualTo("a.txt");
        assertThat(a.getMessage().getHeader("CamelIbmCosBucketName")).isEqualTo(bucket);
        assertThat(a.getMessage().getHeader("CamelIbmCosContentType")).isEqualTo("text/plain");
    }

    @Test
    void changedObjectIsEmittedAgain() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "a.txt", "v1");
        MockEndpoint mock = source(bucket, "");
        mock.expectedBodiesReceived("v1");
        mock.assertIsSatisfied();

        mock.reset();
        mock.expectedBodiesReceived("v2");
        putObject(bucket, "a.txt", "v2");
        mock.assertIsSatisfied();
    }

    @Test
    void prefix() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "in/a.txt", "A");
        putObject(bucket, "other/b.txt", "B");
        MockEndpoint mock = source(bucket, "prefix=in/");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitMoreListings(2);
        assertThat(receivedKeys(mock)).containsExactly("in/a.txt");
    }

    @Test
    void delimiter() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "top.txt", "A");
        putObject(bucket, "deeper/b.txt", "B");
        MockEndpoint mock = source(bucket, "delimiter=/");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitMoreListings(2);
        assertThat(receivedKeys(mock)).containsExactly("top.txt");
    }

    @Test
    void includeBodyFalseDownloadsNothing() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "a.txt", "A");
        emulator.stats().reset();
        MockEndpoint mock = source(bucket, "includeBody=false");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getBody()).isNull();
        assertThat(stats()).doesNotContainKey("GetObject");
    }

    @Test
    void includeFoldersFalseSkipsFolderMarkers() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "dir/", "");
        putObject(bucket, "dir/a.txt", "A");
        MockEndpoint mock = source(bucket, "includeFolders=false");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitMoreListings(2);
        assertThat(receivedKeys(mock)).containsExactly("dir/a.txt");
    }

    @Test
    void delayIsTheConsumersPollDelay() throws Exception {
        // a poll interval is time: shown on the running consumer rather than by measuring it
        String bucket = newBucket();
        source(bucket, "delay=1234");
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoutes().stream()
                .filter(r -> r.getEndpoint() instanceof IbmCosEndpoint).findFirst().orElseThrow().getConsumer();
        assertThat(consumer.getDelay()).isEqualTo(1234L);
    }

    @Test
    void maxMessagesPerPollBoundsEachPoll() throws Exception {
        String bucket = newBucket();
        for (int i = 0; i < 5; i++) {
            putObject(bucket, "k" + i, "v" + i);
        }
        // every poll's batch (Exchange.BATCH_SIZE) holds at most 2 of the 5 objects
        MockEndpoint mock = source(bucket, "maxMessagesPerPoll=2");
        mock.expectedMessageCount(5);
        mock.assertIsSatisfied();
        List<Integer> batchSizes = mock.getReceivedExchanges().stream()
                .map(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class)).toList();
        assertThat(batchSizes).allMatch(size -> size <= 2).contains(2);
    }

    @Test
    void deleteAfterRead() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "a.txt", "A");
        MockEndpoint mock = source(bucket, "deleteAfterRead=true");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitCondition(() -> keys(bucket).isEmpty(), "the delete");
        assertThat(stats()).containsKey("DeleteObject");
    }

    @Test
    void moveAfterReadWithDestinationBucketPrefixAndSuffix() throws Exception {
        String bucket = newBucket();
        String done = newBucket();
        putObject(bucket, "a.txt", "A");
        MockEndpoint mock = source(bucket, "moveAfterRead=true&destinationBucket=" + done
                + "&destinationBucketPrefix=done-&destinationBucketSuffix=.processed");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitCondition(() -> keys(bucket).isEmpty(), "the move");
        assertThat(keys(done)).containsExactly("done-a.txt.processed");
        assertThat(readObject(done, "done-a.txt.processed")).isEqualTo("A");
    }

    @Test
    void autoCreateBucket() throws Exception {
        String bucket = freshBucketName();
        MockEndpoint mock = source(bucket, "autoCreateBucket=true");
        awaitMoreListings(1);
        assertThat(cos.headBucket(bucket)).isNotNull();
        assertThat(mock.getReceivedCounter()).isZero();
    }

    @Test
    void withoutAutoCreateBucketAMissingBucketIsNotCreated() throws Exception {
        String bucket = freshBucketName();
        source(bucket, "");
        awaitCondition(() -> stats().getOrDefault("ListObjectsV2", 0L) >= 1, "a listing");
        assertThatThrownBy(() -> cos.headBucket(bucket)).isInstanceOf(CosServiceException.class);
    }

    @Test
    void idempotentRepositoryRecordsEachDelivery() throws Exception {
        String bucket = newBucket();
        putObject(bucket, "a.txt", "A");
        MockEndpoint mock = source(bucket, "idempotentRepository=#seen");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitCondition(() -> seen.getCacheSize() == 1, "the repository entry");
        assertThat(seen.getCache().keySet()).singleElement().asString().contains("a.txt");
    }

    @Test
    void idempotentCacheSizeBoundsTheDefaultRepository() throws Exception {
        // with room for one entry, two objects keep pushing each other out and are delivered again
        String bucket = newBucket();
        putObject(bucket, "a.txt", "A");
        putObject(bucket, "b.txt", "B");
        MockEndpoint mock = source(bucket, "idempotentCacheSize=1&maxMessagesPerPoll=1");
        mock.expectedMinimumMessageCount(4);
        mock.assertIsSatisfied();
    }
}
