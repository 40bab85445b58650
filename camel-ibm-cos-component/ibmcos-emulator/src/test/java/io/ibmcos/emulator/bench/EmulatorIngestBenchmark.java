package io.ibmcos.emulator.bench;

import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.it.AwsSdk;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Ingest throughput of the emulator (in memory) against S3Proxy 2.6.0 (transient blob store), same client, same run:
 * a 1 GiB multipart upload (16 MiB parts, 4 parallel part uploads, AWS SDK v2 S3Client) and a 256 MiB single PUT,
 * several rounds each. Not a test: run it on demand (see the module README).
 * <p>
 * Arguments: [rounds (default 3)] [multipart size MiB (default 1024)] [threads (default 4)].
 */
public final class EmulatorIngestBenchmark {
    static final int PART = 16 * 1024 * 1024;
    static final String EMULATOR_THREADS = "cos-emulator-io";
    static final String S3PROXY_THREADS = "S3Proxy-Jetty";

    private EmulatorIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long totalMiB = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        byte[] part = new byte[PART];
        new Random(42).nextBytes(part);
        System.out.printf(Locale.ROOT, "ingest benchmark: %d MiB multipart (16 MiB parts, %d threads), 256 MiB single PUT,"
                + " %d rounds, %d cores, max heap %d MiB%n", totalMiB, threads, rounds,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "bench-access", "bench-secret")
                .ignoreUnknownHeaders(true).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        try (CosEmulator cos = CosEmulator.builder().start();
                S3Client emu = AwsSdk.client(cos.endpoint(), cos.accessKey(), cos.secretKey());
                S3Client s3proxy = AwsSdk.client(URI.create("http://127.0.0.1:" + proxy.getPort()), "bench-access",
                        "bench-secret", "us-east-1")) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (S3Client c : List.of(emu, s3proxy)) {
                    c.createBucket(b -> b.bucket("bench"));
                    multipart(c, pool, part, 64L * 1024 * 1024); // warm-up (JIT, connections)
                }
                for (int r = 1; r <= rounds; r++) {
                    double[] e = measured(() -> multipart(emu, pool, part, totalMiB << 20), totalMiB);
                    double[] p = measured(() -> multipart(s3proxy, pool, part, totalMiB << 20), totalMiB);
                    System.out.printf(Locale.ROOT, "round %d multipart: emulator %7.1f MiB/s (server CPU %5.2f s/GiB)"
                            + "   s3proxy %7.1f MiB/s (server CPU %5.2f s/GiB)%n", r, e[0], e[1], p[0], p[2]);
                }
                try (S3Presigner emuSigner = AwsSdk.presigner(cos.endpoint(), cos.accessKey(), cos.secretKey(), true);
                        S3Presigner proxySigner = S3Presigner.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                                .region(Region.US_EAST_1).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench-access", "bench-secret")))
                                .build()) {
                    for (int r = 1; r <= rounds; r++) {
                        double[] e = measured(() -> rawPut(emuSigner, emu, part, 1024), 1024);
                        double[] p = measured(() -> rawPut(proxySigner, s3proxy, part, 1024), 1024);
                        System.out.printf(Locale.ROOT, "round %d raw 1 GiB PUT: emulator %7.1f MiB/s (server CPU %5.2f s/GiB)"
                                + "   s3proxy %7.1f MiB/s (server CPU %5.2f s/GiB)%n", r, e[0], e[1], p[0], p[2]);
                    }
                }
                for (int r = 1; r <= rounds; r++) {
                    double[] e = measured(() -> singlePut(emu, part, 256), 256);
                    double[] p = measured(() -> singlePut(s3proxy, part, 256), 256);
                    System.out.printf(Locale.ROOT, "round %d single 256 MiB putObject: emulator %7.1f MiB/s (server CPU %5.2f s/GiB)"
                            + "   s3proxy %7.1f MiB/s (server CPU %5.2f s/GiB)%n", r, e[0], e[1], p[0], p[2]);
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            proxy.stop();
            context.close();
        }
    }

    /** CPU seconds used so far by the live threads whose names start with {@code prefix} (the server's workers). */
    static double serverCpuSeconds(String prefix) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                long cpu = mx.getThreadCpuTime(t.getId());
                nanos += Math.max(cpu, 0);
            }
        }
        return nanos / 1e9;
    }

    /** Runs {@code work} (returning MiB/s) and prints it with the CPU seconds per GiB both servers spent on it. */
    static double[] measured(Callable<Double> work, long mib) throws Exception {
        double emuBefore = serverCpuSeconds(EMULATOR_THREADS);
        double proxyBefore = serverCpuSeconds(S3PROXY_THREADS);
        double rate = work.call();
        double gib = mib / 1024.0;
        return new double[] {rate, (serverCpuSeconds(EMULATOR_THREADS) - emuBefore) / gib,
            (serverCpuSeconds(S3PROXY_THREADS) - proxyBefore) / gib};
    }

    /** Uploads {@code total} bytes as 16 MiB parts with a bounded number of parts in flight; returns MiB/s. */
    static double multipart(S3Client s3, ExecutorService pool, byte[] part, long total) throws Exception {
        int parts = (int) (total / PART);
        long start = System.nanoTime();
        String id = s3.createMultipartUpload(b -> b.bucket("bench").key("big")).uploadId();
        List<Future<CompletedPart>> futures = new ArrayList<>();
        for (int i = 1; i <= parts; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String etag = s3.uploadPart(b -> b.bucket("bench").key("big").uploadId(id).partNumber(n)
                        .contentLength((long) PART), body(part)).eTag();
                return CompletedPart.builder().partNumber(n).eTag(etag).build();
            }));
        }
        List<CompletedPart> done = new ArrayList<>();
        for (Future<CompletedPart> f : futures) {
            done.add(f.get());
        }
        s3.completeMultipartUpload(b -> b.bucket("bench").key("big").uploadId(id).multipartUpload(m -> m.parts(done)));
        double seconds = (System.nanoTime() - start) / 1e9;
        s3.deleteObject(b -> b.bucket("bench").key("big"));
        return (total / 1048576.0) / seconds;
    }

    static double singlePut(S3Client s3, byte[] part, int mib) {
        long length = (long) mib << 20;
        long start = System.nanoTime();
        RequestBody body = RequestBody.fromContentProvider(
                () -> new SequenceInputStream(Collections.enumeration(repeat(part, mib / 16))), length, "application/octet-stream");
        s3.putObject(b -> b.bucket("bench").key("single").contentLength(length), body);
        double seconds = (System.nanoTime() - start) / 1e9;
        s3.deleteObject(b -> b.bucket("bench").key("single"));
        return mib / seconds;
    }

    /**
     * One PUT through a presigned URL with HttpURLConnection: no client-side hashing or signing of the payload, so this
     * shows what the server itself can ingest.
     */
    static double rawPut(S3Presigner presigner, S3Client s3, byte[] part, int mib) throws Exception {
        URL url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                .putObjectRequest(r -> r.bucket("bench").key("raw"))).url();
        long length = (long) mib << 20;
        long start = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod("PUT");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(length);
        try (OutputStream out = c.getOutputStream()) {
            for (long sent = 0; sent < length; sent += part.length) {
                out.write(part);
            }
        }
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException("raw PUT failed: HTTP " + c.getResponseCode());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        s3.deleteObject(b -> b.bucket("bench").key("raw"));
        return mib / seconds;
    }

    private static List<ByteArrayInputStream> repeat(byte[] part, int times) {
        List<ByteArrayInputStream> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(new ByteArrayInputStream(part));
        }
        return out;
    }

    /** A body over the shared part array, without copying it. */
    private static RequestBody body(byte[] part) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part), part.length, "application/octet-stream");
    }
}
