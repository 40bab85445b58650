package io.ibmcos.benchmarks.consumer;

import io.ibmcos.camel.IbmCosConsumer;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.emulator.CosEmulator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The polling consumer against the in-process COS emulator: N objects of S bytes, consumed by a route, once with the
 * body (a GET per object, read fully) and once metadata only. Prints per run whether every object was delivered
 * exactly once (also after several idle polls), objects per second from route start to the last delivery, and the
 * LIST requests one idle poll costs (counted by the emulator, which should be one per listing page).
 *
 * <pre>
 * java -cp benchmarks/target/ibmcos-benchmarks.jar io.ibmcos.benchmarks.consumer.ConsumerBenchmark \
 *     [--objects 10000] [--size 1024] [--max-messages-per-poll 1000] [--idle-polls 5]
 * </pre>
 */
public final class ConsumerBenchmark {

    private static final String ACCESS = "bench-access";
    private static final String SECRET = "bench-secret";

    private final int objects;
    private final int size;
    private final int maxMessagesPerPoll;
    private final int idlePolls;

    private ConsumerBenchmark(int objects, int size, int maxMessagesPerPoll, int idlePolls) {
        this.objects = objects;
        this.size = size;
        this.maxMessagesPerPoll = maxMessagesPerPoll;
        this.idlePolls = idlePolls;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ConsumerBenchmark(Integer.parseInt(opts.getOrDefault("objects", "10000")),
                Integer.parseInt(opts.getOrDefault("size", "1024")),
                Integer.parseInt(opts.getOrDefault("max-messages-per-poll", "1000")),
                Integer.parseInt(opts.getOrDefault("idle-polls", "5"))).run();
    }

    private void run() throws Exception {
        try (CosEmulator emulator = CosEmulator.builder().port(0).hmacCredentials(ACCESS, SECRET).start();
             DefaultCosClient client = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                     .credentials(new HmacCredentials(ACCESS, SECRET)).build())) {
            String bucket = "consumer-bench";
            client.createBucket(CreateBucketRequest.of(bucket));
            long seedStart = System.nanoTime();
            seed(client, bucket);
            System.err.printf("seeded %d objects of %d bytes in %.1f s%n", objects, size,
                    (System.nanoTime() - seedStart) / 1e9);

            System.out.printf("%d objects of %d bytes, maxMessagesPerPoll=%d, emulator in process, 2 cores%n",
                    objects, size, maxMessagesPerPoll);
            System.out.println("| includeBody | delivered | exactly once | objects/s | scheduler runs | LIST per idle poll "
                    + "(pages) | open responses after |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            for (boolean includeBody : new boolean[] { true, false }) {
                consume(emulator, client, bucket, includeBody);
            }
            baseline(client, bucket);
        }
    }

    private void seed(DefaultCosClient client, String bucket) throws Exception {
        byte[] body = new byte[size];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> puts = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                String key = String.format("in/%06d.bin", i);
                puts.add(() -> {
                    client.putObject(PutObjectRequest.of(bucket, key, Payload.ofBytes(body)));
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(puts)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One run in a fresh CamelContext (so a fresh in-memory idempotent repository). */
    private void consume(CosEmulator emulator, DefaultCosClient client, String bucket, boolean includeBody)
            throws Exception {
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        AtomicLong lastDelivery = new AtomicLong();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cosClient", client);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // greedy: a poll that found objects is followed by the next one at once
                    from("ibmcos:" + bucket + "?delay=10&initialDelay=0&greedy=true&maxMessagesPerPoll="
                            + maxMessagesPerPoll + "&includeBody=" + includeBody).routeId("consume")
                            .noStreamCaching()
                            .process(e -> {
                                if (e.getMessage().getBody() instanceof InputStream in) {
                                    bytes.addAndGet(in.readAllBytes().length);
                                }
                                deliveries.merge(e.getMessage().getHeader("CamelIbmCosKey", String.class), 1,
                                        Integer::sum);
                                lastDelivery.set(System.nanoTime());
                            });
                }
            });
            long start = System.nanoTime();
            camel.start();
            waitFor(() -> deliveries.size() >= objects, 600);
            double seconds = (lastDelivery.get() - start) / 1e9;

            IbmCosConsumer consumer = (IbmCosConsumer) camel.getRoute("consume").getConsumer();
            // idle polls: every object is seen; each poll walks the listing once
            waitFor(() -> !consumer.isPolling(), 60);
            long polls0 = consumer.getCounter();
            long lists0 = emulator.stats().count("ListObjectsV2");
            waitFor(() -> consumer.getCounter() >= polls0 + idlePolls + 1 && !consumer.isPolling(), 600);
            double listsPerIdlePoll = (double) (emulator.stats().count("ListObjectsV2") - lists0)
                    / (consumer.getCounter() - polls0);
            int pages = (objects + pageSize() - 1) / pageSize();

            boolean exactlyOnce = deliveries.size() == objects
                    && deliveries.values().stream().allMatch(n -> n == 1);
            System.out.printf("| %s | %d | %s | %.0f | %d | %.2f (%d) | %d |%n", includeBody, deliveries.size(),
                    exactlyOnce ? "yes" : "NO", objects / seconds, consumer.getCounter(), listsPerIdlePoll, pages,
                    client.openResponses());
            if (includeBody && bytes.get() != (long) objects * size) {
                System.out.println("body bytes read: " + bytes.get() + " (expected " + (long) objects * size + ")");
            }
        }
    }

    /**
     * The floor for includeBody=true: the same GETs (read fully, closed) issued one after another by the client alone,
     * as the consumer's single poll thread does, with no Camel in between.
     */
    private void baseline(DefaultCosClient client, String bucket) throws Exception {
        int n = Math.min(objects, 2000);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (var r = client.getObject(io.ibmcos.client.model.GetObjectRequest.of(bucket,
                    String.format("in/%06d.bin", i))); InputStream in = r.content()) {
                in.readAllBytes();
            }
        }
        System.out.printf("baseline: client alone, sequential GET of %d objects: %.0f objects/s%n", n,
                n / ((System.nanoTime() - start) / 1e9));
    }

    private int pageSize() {
        return maxMessagesPerPoll == 0 ? 1000 : Math.min(maxMessagesPerPoll, 1000);
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + seconds + " s");
            }
            Thread.sleep(2);
        }
    }
}
