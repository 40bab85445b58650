package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.CosClient;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The connection-info cache: one request per bucket however many transfers start at once, bounded, LRU. */
class AsperaControlPlaneTest {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /** A CosClient whose only working call is getFaspConnectionInfo, held until {@link #release} opens. */
    private CosClient cos() {
        return (CosClient) Proxy.newProxyInstance(CosClient.class.getClassLoader(), new Class<?>[] {CosClient.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getFaspConnectionInfo")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String bucket = (String) args[0];
                    calls.computeIfAbsent(bucket, b -> new AtomicInteger()).incrementAndGet();
                    release.await(10, TimeUnit.SECONDS);
                    return new FaspConnectionInfo("id-" + bucket, "secret", URI.create("https://ats.example"));
                });
    }

    private AsperaControlPlane plane(int size) {
        DelegatedTokens none = new DelegatedTokens() {
            @Override
            public String token() {
                return "t";
            }

            @Override
            public void invalidate(String rejected) {
            }
        };
        return new AsperaControlPlane(cos(), none, new AtsClient(Duration.ofSeconds(1), Duration.ofSeconds(1)), size);
    }

    @Test
    void concurrentFirstCallersShareOneRequest() throws Exception {
        AsperaControlPlane plane = plane(10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<FaspConnectionInfo>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> plane.connectionInfo("b")));
            }
            while (calls.isEmpty()) {
                Thread.sleep(5);
            }
            release.countDown();
            for (Future<FaspConnectionInfo> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS).accessKeyId()).isEqualTo("id-b");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls.get("b").get()).isOne();
    }

    @Test
    void theCacheIsBoundedAndEvictsTheLeastRecentlyUsedBucket() {
        release.countDown();
        AsperaControlPlane plane = plane(2);
        plane.connectionInfo("a");
        plane.connectionInfo("b");
        plane.connectionInfo("a"); // a is now the most recent
        plane.connectionInfo("c"); // evicts b
        assertThat(plane.cachedBuckets()).isEqualTo(2);
        plane.connectionInfo("a");
        plane.connectionInfo("b");
        assertThat(calls.get("a").get()).isOne();
        assertThat(calls.get("b").get()).isEqualTo(2);
        assertThat(calls.get("c").get()).isOne();
    }

    @Test
    void refusedCredentialsAreForgotten() {
        release.countDown();
        AsperaControlPlane plane = plane(10);
        plane.connectionInfo("a");
        plane.refreshCredentials("a", "t");
        plane.connectionInfo("a");
        assertThat(calls.get("a").get()).isEqualTo(2);
    }
}
