package io.ibmcos.benchmarks.load;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.emulator.CosEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Sustained load through routes, loopback only: P producer threads send objects of S bytes through
 * {@code direct:put → ibmcos:bucket} to the in-process emulator for D seconds. Prints objects/s, latency percentiles,
 * errors, the most TCP connections open to the emulator at once (sampled from /proc/net/tcp every 250 ms: is the
 * client's pool bounded?), and the heap in use after GC at the start and the end of the run (is it stable?). Keys
 * cycle over a fixed set, so the emulator's in-memory store stays bounded whatever the duration.
 *
 * <pre>
 * java -cp benchmarks/target/ibmcos-benchmarks.jar io.ibmcos.benchmarks.load.ProducerLoadBenchmark \
 *     [--producers 64] [--size 4096] [--seconds 60] [--keys 10000] [--max-connections 50]
 * </pre>
 */
public final class ProducerLoadBenchmark {

    private static final String ACCESS = "load-access";
    private static final String SECRET = "load-secret";

    private ProducerLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int producers = Integer.parseInt(opts.getOrDefault("producers", "64"));
        int size = Integer.parseInt(opts.getOrDefault("size", "4096"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int keys = Integer.parseInt(opts.getOrDefault("keys", "10000"));
        int maxConnections = Integer.parseInt(opts.getOrDefault("max-connections", "50"));
        try (CosEmulator emulator = CosEmulator.builder().port(0).hmacCredentials(ACCESS, SECRET).start();
                CamelContext camel = new DefaultCamelContext()) {
            // closed before the run, so every connection counted belongs to the route's client
            try (DefaultCosClient admin = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                    .credentials(new HmacCredentials(ACCESS, SECRET)).build())) {
                admin.createBucket(CreateBucketRequest.of("load"));
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:put").to("ibmcos:load?endpointUrl=" + emulator.endpoint() + "&accessKey=" + ACCESS
                            + "&secretKey=RAW(" + SECRET + ")&maxConnections=" + maxConnections);
                }
            });
            camel.start();
            run(camel, emulator.port(), producers, size, seconds, keys, maxConnections);
        }
    }

    private static void run(CamelContext camel, int port, int producers, int size, int seconds, int keys,
            int maxConnections) throws Exception {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        ProducerTemplate template = camel.createProducerTemplate();
        // warm-up: JIT, connection pool, first token of nothing (HMAC)
        for (int i = 0; i < 200; i++) {
            template.sendBodyAndHeader("direct:put", body, "CamelIbmCosKey", "warm/" + i);
        }
        long heapBefore = heapAfterGc();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        LatencyHistogram latencies = new LatencyHistogram();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong peakConnections = new AtomicLong();
        sampler.scheduleAtFixedRate(() -> peakConnections.accumulateAndGet(established(port), Math::max), 0, 250,
                TimeUnit.MILLISECONDS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(producers);
        long[] end = new long[1];
        String[] firstError = new String[1];
        for (int p = 0; p < producers; p++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                while (System.nanoTime() < end[0]) {
                    String key = "load/" + (sequence.getAndIncrement() % keys);
                    long t0 = System.nanoTime();
                    Exchange e = template.send("direct:put", x -> {
                        x.getMessage().setBody(body);
                        x.getMessage().setHeader("CamelIbmCosKey", key);
                    });
                    latencies.record(System.nanoTime() - t0);
                    if (e.getException() != null) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = e.getException().toString();
                            }
                        }
                    }
                }
                done.countDown();
            }, "producer-" + p);
            t.start();
        }
        long started = System.nanoTime();
        end[0] = started + TimeUnit.SECONDS.toNanos(seconds);
        go.countDown();
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        long heapAfter = heapAfterGc();
        long total = latencies.count();
        long maxConnectionsSeen = peakConnections.get();
        System.out.printf("producers %d, object %d B, %d s, keys cycling over %d, maxConnections %d%n", producers, size,
                seconds, keys, maxConnections);
        System.out.printf("objects: %d in %.1f s = %.0f objects/s (%.2f MiB/s)%n", total, elapsed, total / elapsed,
                total * (double) size / elapsed / (1024 * 1024));
        System.out.printf("latency per route send: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                latencies.percentileMillis(0.50), latencies.percentileMillis(0.90), latencies.percentileMillis(0.99),
                latencies.percentileMillis(1.0));
        System.out.printf("errors: %d%s%n", errors.get(), firstError[0] == null ? "" : " (first: " + firstError[0] + ")");
        System.out.printf("TCP connections to the emulator, peak: %s (client pool limit %d)%n",
                maxConnectionsSeen < 0 ? "n/a (no /proc/net/tcp)" : maxConnectionsSeen, maxConnections);
        System.out.printf("heap in use after GC: %.1f MiB before, %.1f MiB after the run%n", heapBefore / 1048576.0,
                heapAfter / 1048576.0);
    }

    /** Heap in use after a full GC (the tenured pools' collection usage), so garbage does not count. */
    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    /** ESTABLISHED TCP connections whose remote port is {@code port} (client side), from /proc/net/tcp{,6}. */
    private static long established(int port) {
        long n = 0;
        boolean any = false;
        for (String file : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
            Path p = Path.of(file);
            if (!Files.isReadable(p)) {
                continue;
            }
            any = true;
            try {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[2].contains(":") && "01".equals(f[3])
                            && Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16) == port) {
                        n++;
                    }
                }
            } catch (Exception e) {
                return -1;
            }
        }
        return any ? n : -1;
    }
}
