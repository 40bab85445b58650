package io.ibmcos.reliability;

import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.emulator.CosEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An emulator in the test JVM, consumer replicas in child JVMs, and what their output files say. */
abstract class NodeTestSupport {

    @TempDir
    Path dir;

    CosEmulator emulator;
    DefaultCosClient client;
    final List<ChildJvm> nodes = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = Campaign.emulator().start();
        client = Campaign.client(emulator);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ChildJvm node : nodes) {
            node.close();
        }
        client.close();
        emulator.close();
    }

    ChildJvm node(Class<?> main, String name, Map<String, String> env, String... args) throws Exception {
        ChildJvm node = ChildJvm.start(main, dir.resolve(name + ".log"), emulator, env, args);
        nodes.add(node);
        return node;
    }

    Path out(String name) {
        return dir.resolve(name + ".out");
    }

    void bucketWithObjects(String bucket, String prefix, int count) throws Exception {
        client.createBucket(CreateBucketRequest.of(bucket));
        putObjects(bucket, prefix, count);
    }

    void putObjects(String bucket, String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = prefix + String.format("%05d", i);
            puts.add(pool.submit(() -> client.putObject(PutObjectRequest.of(bucket, key,
                    Payload.ofBytes(key.getBytes())))));
        }
        for (Future<?> f : puts) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    /** The keys a node processed, in order, with repeats (the "#started" marker excluded). */
    static List<String> keys(Path out) {
        List<String> keys = new ArrayList<>();
        for (String line : NodeSupport.lines(out)) {
            String key = line.substring(line.indexOf(' ') + 1);
            if (!key.startsWith("#")) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Epoch millis of the first line of {@code out} whose key satisfies the filter, or -1. */
    static long firstTime(Path out, java.util.function.Predicate<String> key) {
        for (String line : NodeSupport.lines(out)) {
            int sp = line.indexOf(' ');
            if (key.test(line.substring(sp + 1))) {
                return Long.parseLong(line.substring(0, sp));
            }
        }
        return -1;
    }

    static Set<String> union(Path... outs) {
        Set<String> all = new LinkedHashSet<>();
        for (Path o : outs) {
            all.addAll(keys(o));
        }
        return all;
    }

    /** Keys delivered more than once across the outputs: key → deliveries. */
    static Map<String, Integer> duplicates(Path... outs) {
        Map<String, Integer> counts = new HashMap<>();
        for (Path o : outs) {
            keys(o).forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        counts.values().removeIf(v -> v < 2);
        return counts;
    }

    static void await(String what, long timeoutSeconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeoutSeconds + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
