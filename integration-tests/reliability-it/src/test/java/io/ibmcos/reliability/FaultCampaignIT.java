package io.ibmcos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import io.ibmcos.emulator.admin.RandomFaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault campaign of issue 12, seeded and bounded: about 5 % of requests get a 500, a 503 SlowDown, a connection
 * reset (before or in the middle of the request body) or 50 ms of latency. Uploads through routes are verified by the
 * SHA-256 of a download and leave no multipart upload open; the consumer with a persistent repository delivers every
 * object at least once and the duplicates are counted. Sizes: CI by default, the with -Preliability-full.
 */
class FaultCampaignIT {

    static final double RATE = 0.05;
    static final long MIB = 1024 * 1024;

    @TempDir
    Path dataDir;

    private CosEmulator emulator;
    private DefaultCosClient client;
    private CamelContext camel;

    @BeforeEach
    void start() {
        emulator = Campaign.emulator().dataDir(dataDir.resolve("cos")).start();
        client = Campaign.client(emulator);
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        client.close();
        emulator.close();
    }

    /** 5 % over the given operations: object-body requests can be reset mid-body, the others before any byte. */
    static RandomFaults randomFaults(long seed, Set<String> operations, boolean withBodies) {
        List<FaultRule> kinds = List.of(FaultRule.fail(null, 500, "InternalError"),
                FaultRule.fail(null, 503, "SlowDown"),
                FaultRule.resetAfter(null, withBodies ? 4096 : 0),
                FaultRule.latency(null, 50));
        return new RandomFaults(seed, RATE, kinds, operations);
    }

    @Test
    void uploadsThroughRoutesAreWholeOrAbsentAndLeaveNoOpenUpload() throws Exception {
        String bucket = "campaign-uploads";
        client.createBucket(CreateBucketRequest.of(bucket));
        int count = Campaign.size("uploads", 40);
        long maxBytes = Campaign.size("maxUploadMiB", 24) * MIB;
        long seed = Campaign.seed();
        long[] sizes = sizes(new Random(seed), count, maxBytes);

        Map<String, String> failures = new ConcurrentHashMap<>();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload")
                        .onException(Exception.class).handled(true)
                            .process(e -> failures.put(e.getMessage().getHeader(IbmCosConstants.KEY, String.class),
                                    String.valueOf(e.getProperty(Exchange.EXCEPTION_CAUGHT))))
                        .end()
                        .to("ibmcos:" + bucket + "?" + Campaign.iamOptions(emulator)
                                + "&partSize=5242880&multipartThreshold=8388608&multipartConcurrency=4");
            }
        });
        camel.start();
        RandomFaults bodies = randomFaults(seed, Set.of("PutObject", "UploadPart"), true);
        RandomFaults others = randomFaults(seed + 1, Set.of("CreateMultipartUpload", "CompleteMultipartUpload",
                "AbortMultipartUpload", "HeadBucket", "GetBucketProtectionConfiguration", "IamToken"), false);
        emulator.faults().addRandom(bodies);
        emulator.faults().addRandom(others);

        long started = System.nanoTime();
        ProducerTemplate template = camel.createProducerTemplate();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            sends.add(pool.submit(() -> send(template, n, seed, sizes[n])));
        }
        for (Future<?> f : sends) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        emulator.faults().clear();

        int verified = 0;
        int multipart = 0;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String key = key(i);
            if (failures.containsKey(key)) {
                assertThat(failures.get(key)).as("the error handler got a message naming " + key).contains(key);
                assertAbsent(bucket, key);
                continue;
            }
            try (GetObjectResponse got = client.getObject(GetObjectRequest.of(bucket, key))) {
                assertThat(Campaign.sha256(got.content())).as(key + " (" + sizes[i] + " bytes)")
                        .isEqualTo(SeededData.sha256(seed + i, sizes[i]));
            }
            verified++;
            multipart += sizes[i] > 8 * MIB ? 1 : 0;
            bytes += sizes[i];
        }
        assertThat(verified + failures.size()).isEqualTo(count);
        assertThat(Campaign.openUploads(client, bucket)).as("no multipart upload left open").isEmpty();

        Campaign.report("fault campaign: uploads through routes (seed " + seed + ", rate " + RATE + ")", """
                uploads: %d (%d multipart, %d single PUT; %d to %d bytes, %.1f MiB verified)
                verified by SHA-256 of a download: %d; failed to the error handler: %d %s
                open multipart uploads after the run: 0
                faults injected: %d %s
                wall time of the upload phase: %d ms (4 concurrent senders)
                """.formatted(count, multipart, verified - multipart, min(sizes), max(sizes), bytes / (double) MIB,
                verified, failures.size(), failures.isEmpty() ? "" : new TreeMap<>(failures),
                bodies.total() + others.total(), merged(bodies, others), elapsedMs));
    }

    private void send(ProducerTemplate template, int i, long seed, long size) {
        template.send("direct:upload", e -> {
            e.getMessage().setHeader(IbmCosConstants.KEY, key(i));
            if (size <= 8 * MIB) {
                e.getMessage().setBody(SeededData.bytes(seed + i, (int) size));
            } else {
                // large bodies as streams: every other one with its length, the rest of unknown length
                e.getMessage().setBody(new SeededData(seed + i, size));
                if (i % 2 == 0) {
                    e.getMessage().setHeader(IbmCosConstants.CONTENT_LENGTH, size);
                }
            }
        });
    }

    @Test
    void consumerUnderFaultsDeliversEveryObjectAndCountsDuplicates(@TempDir Path repoDir) throws Exception {
        String bucket = "campaign-consume";
        client.createBucket(CreateBucketRequest.of(bucket));
        int count = Campaign.size("consumedObjects", 1000);
        putSmallObjects(bucket, count);

        RandomFaults faults = randomFaults(Campaign.seed(), Set.of("ListObjectsV2", "GetObject", "HeadObject"), false);
        emulator.faults().addRandom(faults);
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        AtomicLong failedExchanges = new AtomicLong();
        long started = System.nanoTime();
        camel = consumerContext(bucket, repoDir, deliveries, failedExchanges);
        camel.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (deliveries.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        camel.close();
        camel = null;
        emulator.faults().clear();
        assertThat(deliveries).as("every object delivered at least once").hasSize(count);
        long total = deliveries.values().stream().mapToLong(Integer::longValue).sum();

        // a restart with the same repository file delivers nothing again
        Map<String, Integer> again = new ConcurrentHashMap<>();
        camel = consumerContext(bucket, repoDir, again, new AtomicLong());
        camel.start();
        Thread.sleep(1500);
        camel.close();
        camel = null;
        assertThat(again).as("nothing re-delivered after a restart with the file repository").isEmpty();

        Campaign.report("fault campaign: consumer with a FileIdempotentRepository (seed " + Campaign.seed() + ")", """
                objects: %d; deliveries: %d; duplicates: %d; exchanges failed and retried on a later poll: %d
                faults injected: %d %s
                time to deliver all: %d ms; after a restart with the same repository file: %d deliveries
                requests served: %s
                """.formatted(count, total, total - count, failedExchanges.get(), faults.total(), faults.injected(),
                elapsedMs, again.size(), emulator.stats().snapshot()));
        assertThat(total - count).as("duplicates with a persistent repository").isZero();
    }

    private CamelContext consumerContext(String bucket, Path repoDir, Map<String, Integer> deliveries,
            AtomicLong failed) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(
                repoDir.resolve("seen.dat").toFile(), 100_000, 64 * MIB));
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).process(e -> failed.incrementAndGet());
                from("ibmcos:" + bucket + "?" + Campaign.hmacOptions(emulator)
                        + "&idempotentRepository=#seen&maxMessagesPerPoll=200&delay=20")
                        .process(e -> {
                            // read the body: a GET that fails under faults fails the exchange, as it would in a route
                            e.getMessage().getBody(byte[].class);
                            deliveries.merge(e.getMessage().getHeader(IbmCosConstants.KEY, String.class), 1,
                                    Integer::sum);
                        });
            }
        });
        return ctx;
    }

    private void putSmallObjects(String bucket, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "in/" + String.format("%06d", i);
            byte[] data = SeededData.bytes(i, 1024);
            puts.add(pool.submit(() -> client.putObject(PutObjectRequest.of(bucket, key, Payload.ofBytes(data)))));
        }
        for (Future<?> f : puts) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private void assertAbsent(String bucket, String key) {
        try {
            client.headObject(bucket, key);
            throw new AssertionError(key + " failed in the route but exists in the bucket");
        } catch (CosServiceException e) {
            assertThat(e.statusCode()).isEqualTo(404);
        }
    }

    static String key(int i) {
        return "upload/" + String.format("%04d", i);
    }

    /** Log-uniform sizes from 1 KiB to max, with the two ends always present. */
    static long[] sizes(Random random, int count, long max) {
        long[] sizes = new long[count];
        double lo = Math.log(1024);
        double hi = Math.log(max);
        for (int i = 0; i < count; i++) {
            sizes[i] = (long) Math.exp(lo + random.nextDouble() * (hi - lo));
        }
        sizes[0] = max;
        if (count > 1) {
            sizes[1] = 1024;
        }
        return sizes;
    }

    private static long min(long[] a) {
        return java.util.Arrays.stream(a).min().orElse(0);
    }

    private static long max(long[] a) {
        return java.util.Arrays.stream(a).max().orElse(0);
    }

    private static Map<String, Long> merged(RandomFaults a, RandomFaults b) {
        Map<String, Long> m = new TreeMap<>(a.injected());
        b.injected().forEach((k, v) -> m.merge(k, v, Long::sum));
        return m;
    }
}
