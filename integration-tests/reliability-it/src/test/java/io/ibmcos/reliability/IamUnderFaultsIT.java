package io.ibmcos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.IamRetrySettings;
import io.ibmcos.client.auth.IamTokenCache;
import io.ibmcos.client.auth.JdkIamTokenClient;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * IAM under faults: the token endpoint answers 500, then 429, then succeeds after 1.5 s. N callers that all need a token
 * at once must all succeed, and the emulator must see exactly one token request per attempt of a single refresh: no
 * thundering herd of N token requests.
 */
class IamUnderFaultsIT {

    static final int CALLERS = 32;

    @Test
    void concurrentCallersRecoverWithOneTokenRequestPerRefreshAttempt() throws Exception {
        try (CosEmulator emulator = Campaign.emulator().start();
                DefaultCosClient hmac = Campaign.client(emulator);
                DefaultCosClient iam = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                        .credentials(new IamCredentials(Campaign.API_KEY, Campaign.INSTANCE,
                                emulator.iamEndpoint()))
                        .build())) {
            hmac.createBucket(CreateBucketRequest.of("iam-herd"));
            emulator.faults().add(FaultRule.fail("IamToken", 500, "InternalError"));
            emulator.faults().add(FaultRule.fail("IamToken", 429, "TooManyRequests"));
            emulator.faults().add(FaultRule.latency("IamToken", 1500));

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    iam.headBucket("iam-herd");
                    return (System.nanoTime() - t0) / 1_000_000;
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            long slowest = 0;
            for (Future<Long> f : calls) {
                slowest = Math.max(slowest, f.get(2, TimeUnit.MINUTES));
            }
            long wallMs = (System.nanoTime() - started) / 1_000_000;
            pool.shutdown();

            long tokenRequests = emulator.stats().count("IamToken");
            Campaign.report("IAM under faults (500, 429, then 1.5 s latency on the token endpoint)", """
                    concurrent callers: %d, all succeeded; token requests seen by IAM: %d (1 refresh: 2 failed + 1 ok)
                    HeadBucket requests: %d; slowest caller: %d ms; wall time: %d ms
                    """.formatted(CALLERS, tokenRequests, emulator.stats().count("HeadBucket"), slowest, wallMs));
            assertThat(tokenRequests).as("one token request per attempt of one refresh, not one per caller")
                    .isEqualTo(3);
            assertThat(emulator.stats().count("HeadBucket")).isEqualTo(CALLERS);
        }
    }

    @Test
    void aTokenRequestThatTimesOutIsRetried() throws Exception {
        IamRetrySettings oneSecond = new IamRetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (CosEmulator emulator = Campaign.emulator().start();
                DefaultCosClient hmac = Campaign.client(emulator);
                IamTokenCache tokens = new IamTokenCache(new JdkIamTokenClient(), Clock.systemUTC(), oneSecond,
                        d -> Thread.sleep(d.toMillis()));
                DefaultCosClient iam = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                        .credentials(new IamCredentials(Campaign.API_KEY, Campaign.INSTANCE, emulator.iamEndpoint()))
                        .iamTokenCache(tokens).build())) {
            hmac.createBucket(CreateBucketRequest.of("iam-timeout"));
            // the first token request answers after 3 s, beyond the 1 s IAM request timeout
            emulator.faults().add(FaultRule.latency("IamToken", 3000));
            long t0 = System.nanoTime();
            iam.headBucket("iam-timeout");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Campaign.report("IAM request timeout", """
                    first token request delayed 3 s, IAM request timeout 1 s: the call succeeded after %d ms with %d
                    token requests (the timed-out one, then a retry)
                    """.formatted(ms, emulator.stats().count("IamToken")));
            assertThat(emulator.stats().count("IamToken")).isEqualTo(2);
        }
    }
}
