package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.IbmCosConsumer;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polling consumer through real routes against the COS emulator. Most tests drive the polls themselves
 * ({@code startScheduler=false}, then {@link IbmCosConsumer#run()} on the test thread: with a synchronous route every
 * exchange of a poll has completed when it returns), so "nothing more over 5 further polls" is exact, not a guess about
 * timing. The restart and sharding tests use the real scheduler with bounded waits.
 */
class IbmCosConsumerIT extends CamelTestSupport {

    private static CosEmulator emulator;
    /** The client the routes use (autowired): its open-response count proves no connection stays leased. */
    private static DefaultCosClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = CosServers.startEmulator();
        client = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(CosServers.EMULATOR_ACCESS_KEY, CosServers.EMULATOR_SECRET_KEY))
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @AfterEach
    void clean() {
        emulator.faults().clear();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("cosClient", client);
    }

    private static String newBucket(String prefix) {
        String bucket = IbmCosEmulatorITSupport.newBucket(prefix);
        client.createBucket(CreateBucketRequest.of(bucket));
        return bucket;
    }

    private static void put(String bucket, String key, String text) {
        client.putObject(PutObjectRequest.of(bucket, key, Payload.ofBytes(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Seeds many objects over a few connections (the emulator is fast; 2 501 sequential PUTs are not). */
    private static void putMany(String bucket, List<String> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (var f : pool.invokeAll(keys.stream().map(k -> (java.util.concurrent.Callable<Void>) () -> {
                put(bucket, k, "content of " + k);
                return null;
            }).toList())) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static boolean exists(String bucket, String key) {
        try {
            client.headObject(bucket, key);
            return true;
        } catch (CosServiceException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** A manually polled route that runs {@code step}, reads each body, and ends in mock:{id}. */
    private String route(String bucket, String options, Processor step) throws Exception {
        String id = "r-" + bucket;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no stream caching: the step sees the live download, and a step that throws leaves it unread
                from("ibmcos:" + bucket + "?startScheduler=false" + (options.isEmpty() ? "" : "&" + options))
                        .routeId(id).noStreamCaching()
                        .process(step)
                        .process(e -> {
                            if (e.getMessage().getBody() instanceof InputStream in) {
                                e.getMessage().setBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        })
                        .to("mock:" + id);
            }
        });
        return id;
    }

    private void poll(String routeId) {
        ((IbmCosConsumer) context.getRoute(routeId).getConsumer()).run();
    }

    private List<String> keys(String routeId) {
        return getMockEndpoint("mock:" + routeId).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(IbmCosConstants.KEY, String.class)).toList();
    }

    private static Map<String, Integer> counts(List<String> keys) {
        Map<String, Integer> c = new ConcurrentHashMap<>();
        keys.forEach(k -> c.merge(k, 1, Integer::sum));
        return c;
    }

    @Test
    void everyObjectOfALargeBucketOnceThenNothingThenAChangedObjectOnceMore() throws Exception {
        String bucket = newBucket("consume-large");
        List<String> all = IntStream.range(0, 2501).mapToObj(i -> String.format("data/%05d.json", i)).toList();
        putMany(bucket, all);
        String r = route(bucket, "maxMessagesPerPoll=100", e -> {
        });

        int polls = 0;
        while (keys(r).size() < all.size() && polls < 40) {
            poll(r);
            polls++;
        }
        assertThat(polls).as("one page of 100 per poll").isEqualTo(26);
        assertThat(keys(r)).hasSize(2501).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(getMockEndpoint("mock:" + r).getReceivedExchanges().get(7).getMessage().getBody(String.class))
                .isEqualTo("content of " + keys(r).get(7));

        emulator.stats().reset();
        for (int i = 0; i < 5; i++) {
            poll(r);
        }
        assertThat(keys(r)).hasSize(2501);
        assertThat(emulator.stats().count("GetObject")).isZero();
        assertThat(emulator.stats().count("ListObjectsV2")).as("an idle poll lists each page once").isEqualTo(5 * 26);

        put(bucket, "data/01234.json", "rewritten");
        poll(r);
        poll(r);
        poll(r);
        assertThat(keys(r)).hasSize(2502);
        assertThat(counts(keys(r))).containsEntry("data/01234.json", 2);
        assertThat(getMockEndpoint("mock:" + r).getReceivedExchanges().get(2501).getMessage().getBody(String.class))
                .isEqualTo("rewritten");
        assertThat(client.openResponses()).isZero();
    }

    @Test
    void failedExchangesAreRetriedUntilEachObjectIsDeliveredOnceAndNoConnectionStaysLeased() throws Exception {
        String bucket = newBucket("consume-failing");
        List<String> all = IntStream.range(0, 40).mapToObj(i -> "k" + i).toList();
        putMany(bucket, all);
        AtomicInteger exchanges = new AtomicInteger();
        List<Integer> openDuringRoute = new CopyOnWriteArrayList<>();
        String r = route(bucket, "maxMessagesPerPoll=10", e -> {
            openDuringRoute.add(client.openResponses());
            if (exchanges.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("every third exchange fails");
            }
        });

        for (int polls = 0; keys(r).size() < all.size() && polls < 60; polls++) {
            poll(r);
        }

        assertThat(keys(r)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(exchanges.get()).as("the failed ones came again").isGreaterThan(all.size());
        assertThat(openDuringRoute).as("one download open per exchange in flight, never the whole batch")
                .containsOnly(1);
        assertThat(client.openResponses()).isZero();
    }

    @Test
    void deleteAfterReadAndAFailedDeleteThatLeavesTheObjectForTheNextPoll() throws Exception {
        String bucket = newBucket("consume-delete");
        putMany(bucket, List.of("a", "b", "c"));
        // all three attempts of the client's retry policy fail for key b
        emulator.faults().add(FaultRule.fail("DeleteObject", 500, "InternalError").forKey("b").times(3));
        String r = route(bucket, "deleteAfterRead=true", e -> {
        });

        poll(r);
        assertThat(exists(bucket, "a")).isFalse();
        assertThat(exists(bucket, "b")).as("the delete failed: the object stays").isTrue();
        assertThat(exists(bucket, "c")).isFalse();

        poll(r);
        poll(r);
        assertThat(keys(r)).containsExactly("a", "b", "c", "b");
        assertThat(exists(bucket, "b")).isFalse();
        assertThat(client.openResponses()).isZero();
    }

    @Test
    void moveAfterReadIncludingAFailedDeleteOfTheSource() throws Exception {
        String bucket = newBucket("consume-move");
        String archive = newBucket("consume-archive");
        putMany(bucket, List.of("in/a.txt", "in/b.txt"));
        emulator.faults().add(FaultRule.fail("DeleteObject", 500, "InternalError").forKey("in/b.txt").times(3));
        String r = route(bucket, "prefix=in/&moveAfterRead=true&destinationBucket=" + archive
                + "&destinationBucketPrefix=done/&removePrefixOnMove=true", e -> {
                });

        poll(r);
        assertThat(exists(bucket, "in/a.txt")).isFalse();
        assertThat(exists(archive, "done/a.txt")).isTrue();
        assertThat(exists(bucket, "in/b.txt")).as("copied, but the delete failed").isTrue();
        assertThat(exists(archive, "done/b.txt")).isTrue();

        poll(r);
        assertThat(keys(r)).containsExactly("in/a.txt", "in/b.txt", "in/b.txt");
        assertThat(exists(bucket, "in/b.txt")).isFalse();
        assertThat(client.openResponses()).isZero();
    }

    @Test
    void aRestartWithAFileIdempotentRepositoryDeliversNothingTwice(@TempDir Path dir) throws Exception {
        String bucket = newBucket("consume-restart");
        putMany(bucket, IntStream.range(0, 20).mapToObj(i -> "k" + i).toList());
        Path store = dir.resolve("seen.dat");

        List<String> first = runUntil(bucket, store, got -> got.size() >= 20);
        assertThat(first).hasSize(20).doesNotHaveDuplicates();

        put(bucket, "new-after-restart", "x");
        List<String> second = runUntil(bucket, store, got -> !got.isEmpty());
        assertThat(second).containsExactly("new-after-restart");
    }

    /**
     * A fresh CamelContext (as after a JVM restart) with the scheduler at delay=50 and a file repository; runs until
     * {@code done} holds, then at least three more polls, and returns the keys delivered.
     */
    private List<String> runUntil(String bucket, Path store, Function<List<String>, Boolean> done) throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.getRegistry().bind("cosClient", client);
            ctx.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(store.toFile()));
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("ibmcos:" + bucket + "?delay=50&initialDelay=0&maxMessagesPerPoll=5&idempotentRepository=#seen")
                            .process(e -> got.add(e.getMessage().getHeader(IbmCosConstants.KEY, String.class)));
                }
            });
            ctx.start();
            waitFor(() -> done.apply(got));
            long lists = emulator.stats().count("ListObjectsV2");
            waitFor(() -> emulator.stats().count("ListObjectsV2") >= lists + 3);
        }
        return got;
    }

    /** Bounded wait for a condition (no assertion on how long it took). */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void twoShardedConsumersSplitTheBucketDisjointlyAndCompletely() throws Exception {
        String bucket = newBucket("consume-shards");
        List<String> all = IntStream.range(0, 400).mapToObj(i -> "obj/" + i).toList();
        putMany(bucket, all);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int shard = 0; shard < 2; shard++) {
                    from("ibmcos:" + bucket + "?delay=50&initialDelay=0&maxMessagesPerPoll=50&includeBody=false"
                            + "&shardCount=2&shardIndex=" + shard).routeId("shard" + shard).to("mock:shard" + shard);
                }
            }
        });
        MockEndpoint s0 = getMockEndpoint("mock:shard0");
        MockEndpoint s1 = getMockEndpoint("mock:shard1");
        waitFor(() -> s0.getReceivedCounter() + s1.getReceivedCounter() >= all.size());
        long lists = emulator.stats().count("ListObjectsV2");
        waitFor(() -> emulator.stats().count("ListObjectsV2") >= lists + 6);

        List<String> k0 = s0.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(IbmCosConstants.KEY,
                String.class)).toList();
        List<String> k1 = s1.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(IbmCosConstants.KEY,
                String.class)).toList();
        assertThat(k0).isNotEmpty().doesNotHaveDuplicates();
        assertThat(k1).isNotEmpty().doesNotHaveDuplicates();
        assertThat(new HashSet<>(k0)).doesNotContainAnyElementsOf(k1);
        List<String> union = new ArrayList<>(k0);
        union.addAll(k1);
        assertThat(union).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void messagesCarryTheObjectHeaders() throws Exception {
        String bucket = newBucket("consume-headers");
        put(bucket, "dir/report.csv", "a,b");
        String r = route(bucket, "", e -> {
        });
        poll(r);
        Exchange e = getMockEndpoint("mock:" + r).getReceivedExchanges().get(0);
        assertThat(e.getMessage().getBody(String.class)).isEqualTo("a,b");
        assertThat(e.getMessage().getHeaders()).containsEntry(IbmCosConstants.BUCKET_NAME, bucket)
                .containsEntry(IbmCosConstants.KEY, "dir/report.csv")
                .containsEntry(Exchange.FILE_NAME, "dir/report.csv")
                .containsEntry(IbmCosConstants.CONTENT_LENGTH, 3L)
                .containsEntry(IbmCosConstants.E_TAG, client.headObject(bucket, "dir/report.csv").eTag())
                .containsKey(IbmCosConstants.LAST_MODIFIED);
    }
}
