package io.ibmcos.benchmarks;

import io.ibmcos.benchmarks.clients.Clients;
import io.ibmcos.benchmarks.clients.OursClient;
import io.ibmcos.benchmarks.clients.UploadClient;
import io.ibmcos.benchmarks.data.TestData;
import io.ibmcos.benchmarks.servers.BenchServer;
import io.ibmcos.benchmarks.servers.DiscardSink;
import io.ibmcos.benchmarks.servers.Servers;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads the same data (a generated file and an unknown-length stream) with our uploader and the peers' transfer
 * managers to each server, clients interleaved within every round, and prints a markdown table of MiB/s. Runs on
 * demand only (see the module README): {@code java -Xmx10g -jar benchmarks/target/ibmcos-benchmarks.jar --help}.
 */
public final class UploadBenchmark {

    static final String BUCKET = "bench";
    /** IBM's SDK compares each part's ETag with the MD5 of what it sent; the discard sink's ETags are made up. */
    static final String IBM_MD5_CHECK_OFF = "com.ibm.cloud.objectstorage.services.s3.disablePutObjectMD5Validation";

    private final Options options;
    private final Map<Report.Key, Stats> results = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final List<Report.HeapRow> heap = new ArrayList<>();
    private final AtomicLong keys = new AtomicLong();
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-upload");
        t.setDaemon(true);
        return t;
    });

    private double loadBefore;

    private UploadBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        new UploadBenchmark(options).run();
        // client libraries leave non-daemon threads behind (e.g. Netty, CRT); the table is printed, so leave
        System.exit(0);
    }

    private void run() throws Exception {
        loadBefore = loadAverage();
        log("upload benchmark: %d MiB, %d round(s), servers %s, clients %s, sources %s; %d cores, max heap %d MiB",
                options.size() >> 20, options.rounds(), options.servers(), options.clients(), options.sources(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (options.servers().contains("s3proxy") && Runtime.getRuntime().maxMemory() < 8 * options.size()) {
            // S3Proxy's transient store joins a multipart upload into one array while holding its parts
            log("warning: S3Proxy may run out of heap with %d MiB uploads below -Xmx%dm", options.size() >> 20,
                    (8 * options.size()) >> 20);
        }
        try (TestData data = TestData.create(options.size())) {
            for (String server : options.servers()) {
                runServer(server, data);
            }
            if (options.heap()) {
                probeHeap(data);
            }
        } finally {
            runner.shutdownNow();
        }
        String load = String.format(Locale.ROOT, "%.2f before, %.2f after", loadBefore, loadAverage());
        System.out.print(new Report(options, results, descriptions, heap, load).markdown());
        System.out.flush();
    }

    private void runServer(String name, TestData data) {
        log("[%s] starting", name);
        try (BenchServer server = Servers.start(name); CosClient admin = adminClient(server)) {
            admin.createBucket(CreateBucketRequest.of(BUCKET));
            if (server.discards()) {
                System.setProperty(IBM_MD5_CHECK_OFF, "true");
            } else {
                System.clearProperty(IBM_MD5_CHECK_OFF);
            }
            List<UploadClient> clients = createClients(server);
            try {
                if (options.warmupSize() > 0) {
                    for (UploadClient c : clients) {
                        for (String source : options.sources()) {
                            upload(server, admin, c, source, data, options.warmupSize(), "warm-up");
                        }
                    }
                }
                for (int round = 1; round <= options.rounds(); round++) {
                    // rotate the order each round so no client always follows the same neighbour's garbage
                    for (int i = 0; i < clients.size(); i++) {
                        UploadClient c = clients.get((i + round - 1) % clients.size());
                        for (String source : options.sources()) {
                            upload(server, admin, c, source, data, data.size(), "round " + round);
                        }
                    }
                }
            } finally {
                clients.forEach(UploadClient::close);
            }
        }
    }

    private List<UploadClient> createClients(BenchServer server) {
        List<UploadClient> clients = new ArrayList<>();
        for (String name : options.clients()) {
            try {
                UploadClient c = Clients.create(name, server);
                descriptions.putIfAbsent(name, c.describe());
                clients.add(c);
            } catch (RuntimeException | LinkageError e) {
                // e.g. the CRT's native library not loading here: report it in the table, go on with the rest
                for (String source : options.sources()) {
                    stats(server.name(), name, source).fail("cannot create the client: " + e);
                }
                log("[%s] %s cannot be created: %s", server.name(), name, e);
            }
        }
        return clients;
    }

    /** One upload; timed unless it is the warm-up. The object is deleted afterwards (untimed). */
    private void upload(BenchServer server, CosClient admin, UploadClient c, String source, TestData data,
            long length, String phase) {
        Stats stats = stats(server.name(), c.name(), source);
        if (stats.failure() != null) {
            return;
        }
        String key = "obj-" + c.name().replace(':', '-') + "-" + source + "-" + keys.incrementAndGet();
        boolean timed = !phase.equals("warm-up");
        if (timed) {
            System.gc(); // start every measurement from the same, collected heap
        }
        try {
            InputStream in = source.equals("stream") ? data.stream(length) : null;
            Path file = source.equals("file") ? data.file(length) : null;
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            Future<?> f = runner.submit(() -> {
                if (in != null) {
                    c.uploadStream(BUCKET, key, in);
                } else {
                    c.uploadFile(BUCKET, key, file);
                }
                return null;
            });
            f.get(options.uploadTimeoutSeconds(), TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            double mibs = (length / 1048576.0) / seconds;
            double perCpu = cpuSeconds > 0 ? (length / 1048576.0) / cpuSeconds : Double.NaN;
            if (timed) {
                stats.add(mibs, perCpu);
            }
            log("[%s] %-8s %-11s %-6s %9.1f MiB/s %9.1f MiB/CPU-s  load %.1f", server.name(), phase, c.name(), source,
                    mibs, perCpu, loadAverage());
        } catch (TimeoutException e) {
            stats.fail("no answer within " + options.uploadTimeoutSeconds() + " s");
            log("[%s] %s %s %s timed out", server.name(), phase, c.name(), source);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            stats.fail(cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()));
            log("[%s] %s %s %s failed: %s", server.name(), phase, c.name(), source, cause);
        } catch (OutOfMemoryError e) {
            stats.fail("OutOfMemoryError: " + e.getMessage());
            log("[%s] %s %s %s ran out of memory", server.name(), phase, c.name(), source);
        } finally {
            if (!server.discards()) {
                try {
                    admin.deleteObject(BUCKET, key);
                } catch (RuntimeException ignored) {
                    // the upload failed before creating it
                }
            }
        }
    }

    /** Peak live heap of each of our clients, stream and file, against a fresh discard sink (untimed). */
    private void probeHeap(TestData data) throws Exception {
        HeapProbe probe = new HeapProbe();
        try (DiscardSink sink = DiscardSink.start()) {
            for (String name : options.clients()) {
                if (!Clients.isOurs(name)) {
                    continue;
                }
                try (OursClient c = (OursClient) Clients.create(name, sink)) {
                    for (String source : options.sources()) {
                        String key = "heap-" + source;
                        long peak = probe.peakLiveBytes(() -> {
                            if (source.equals("stream")) {
                                c.uploadStream(BUCKET, key, data.stream());
                            } else {
                                c.uploadFile(BUCKET, key, data.file());
                            }
                        });
                        int buffers = c.lastResult().buffersAllocated();
                        heap.add(new Report.HeapRow(name, c.concurrency(), source, buffers, peak));
                        log("[heap] %s %s: peak live +%d MiB, %d buffers", name, source, peak >> 20, buffers);
                    }
                }
            }
        }
    }

    private Stats stats(String server, String client, String source) {
        return results.computeIfAbsent(new Report.Key(server, client, source), k -> new Stats());
    }

    private static CosClient adminClient(BenchServer server) {
        return new DefaultCosClient(CosClientConfig.builder().endpoint(server.endpoint())
                .credentials(new HmacCredentials(server.accessKey(), server.secretKey())).build());
    }

    /**
     * CPU time of this whole process (client, server, JIT, GC): unlike wall time it barely changes when other
     * processes compete for the cores, so MiB per CPU second compares clients even on a busy machine.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Other work on this machine (e.g. concurrent builds) slows all clients; the report shows how much there was. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
