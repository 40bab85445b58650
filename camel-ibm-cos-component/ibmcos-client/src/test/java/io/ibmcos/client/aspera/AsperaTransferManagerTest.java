package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.IamTokenCache;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.emulator.CosEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retry decisions of {@link AsperaTransferManager}: which ascp codes are retried with which back-off, when the
 * delegated token and the ATS setup are renewed, and what is refused before anything is sent. The control plane is
 * the real one against the emulator; the engine is a scripted fake, and sleeps are recorded, not slept.
 */
class AsperaTransferManagerTest {

    private static CosEmulator emulator;
    private static IamTokenCache cache;
    private static DefaultCosClient cos;
    private static IamCredentials iam;

    @TempDir
    Path tmp;

    private final List<Duration> sleeps = new ArrayList<>();
    private final ScriptedEngine engine = new ScriptedEngine();

    @BeforeAll
    static void start() {
        emulator = CosEmulator.builder().start();
        cache = new IamTokenCache();
        iam = new IamCredentials(emulator.apiKey(), emulator.serviceInstanceId(), emulator.iamEndpoint());
        cos = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint()).credentials(iam)
                .iamTokenCache(cache).build());
        cos.createBucket(CreateBucketRequest.of("decisions"));
    }

    @AfterAll
    static void stop() {
        cos.close();
        cache.close();
        emulator.close();
    }

    private AsperaTransferManager manager(CredentialType type) {
        AsperaControlPlane plane = new AsperaControlPlane(cos, DelegatedTokens.of(cache.manager(iam)),
                new AtsClient(Duration.ofSeconds(5), Duration.ofSeconds(5)), 10);
        return new AsperaTransferManager(cos, type, plane, engine, AsperaTransferManager.RetrySettings.DEFAULT,
                sleeps::add);
    }

    private Path file() throws Exception {
        return Files.writeString(tmp.resolve("f.txt"), "data");
    }

    @Test
    void retryableCodesAreRetriedWithDoublingBackoffOnTheSameSpec() throws Exception {
        engine.script(40, 44, 0);
        TransferOutcome outcome = manager(CredentialType.IAM).upload("decisions", file(), "k", null, null)
                .await(null);
        assertThat(outcome.bytes()).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(engine.tokens).hasSize(3).containsOnly(engine.tokens.get(0));
    }

    @Test
    void retriesStopAfterSevenAndTheLastErrorIsReported() throws Exception {
        engine.script(40, 40, 40, 40, 40, 40, 40, 40);
        assertThatThrownBy(() -> manager(CredentialType.IAM).upload("decisions", file(), "k", null, null).await(null))
                .isInstanceOfSatisfying(AsperaException.class, e -> assertThat(e.code()).isEqualTo(40));
        assertThat(engine.tokens).hasSize(8);
        assertThat(sleeps).hasSize(7).endsWith(Duration.ofSeconds(60));
    }

    @Test
    void permanentCodesAndCancellationAreNotRetried() throws Exception {
        for (int code : new int[] {51, 28, 20, 38}) {
            engine.script(code);
            assertThatThrownBy(() -> manager(CredentialType.IAM).upload("decisions", file(), "k", null, null)
                    .await(null)).isInstanceOfSatisfying(AsperaException.class,
                            e -> assertThat(e.code()).isEqualTo(code));
        }
        assertThat(engine.tokens).hasSize(4);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anAuthenticationFailureRenewsTheDelegatedTokenAndTheSetupOnce() throws Exception {
        cache.manager(iam).delegatedRefreshToken(DelegatedTokens.ASPERA_ATS); // cached before the count starts
        long delegated = emulator.stats().count("IamDelegatedToken");
        engine.script(19, 0);
        manager(CredentialType.IAM).upload("decisions", file(), "k", null, null).await(null);
        assertThat(engine.tokens).hasSize(2);
        assertThat(engine.tokens.get(1)).as("a new ATS transfer token").isNotEqualTo(engine.tokens.get(0));
        assertThat(emulator.stats().count("IamDelegatedToken") - delegated).isEqualTo(1);
        assertThat(sleeps).isEmpty();

        engine.script(19, 19);
        assertThatThrownBy(() -> manager(CredentialType.IAM).upload("decisions", file(), "k", null, null).await(null))
                .hasMessageContaining("also after renewing the delegated token");
    }

    @Test
    void cancelEndsAWaitBeforeARetry() throws Exception {
        engine.script(40);
        AsperaControlPlane plane = new AsperaControlPlane(cos, DelegatedTokens.of(cache.manager(iam)),
                new AtsClient(Duration.ofSeconds(5), Duration.ofSeconds(5)), 10);
        // an hour of back-off: only cancel() can end this wait
        AsperaTransferManager tm = new AsperaTransferManager(cos, CredentialType.IAM, plane, engine,
                new AsperaTransferManager.RetrySettings(3, Duration.ofHours(1), Duration.ofHours(1)), null);
        AsperaTransferManager.ManagedTransfer transfer = tm.upload("decisions", file(), "k", null, null);
        java.util.concurrent.CompletableFuture<Throwable> result = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        transfer.await(null);
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                });
        while (engine.tokens.isEmpty()) {
            Thread.sleep(10);
        }
        transfer.cancel();
        Throwable failure = result.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(failure).isInstanceOfSatisfying(AsperaException.class, e -> assertThat(e.code()).isEqualTo(28));
        assertThat(transfer.attempts()).isEqualTo(1);
    }

    @Test
    void hmacAndMissingSourcesAreRefusedBeforeAnyRequest() {
        long before = emulator.stats().snapshot().values().stream().mapToLong(Long::longValue).sum();
        assertThatThrownBy(() -> manager(CredentialType.HMAC).upload("decisions", tmp, "k", null, null))
                .hasMessageContaining("IAM credentials");
        assertThatThrownBy(() -> manager(CredentialType.IAM).upload("decisions", tmp.resolve("absent"), "k", null,
                null)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> manager(CredentialType.IAM).download("decisions", "", tmp, null, null))
                .hasMessageContaining("key");
        assertThat(emulator.stats().snapshot().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before);
        assertThat(engine.tokens).isEmpty();
    }

    /** Fails with the scripted codes in order (0 = success), remembering the transfer token of each spec. */
    private static final class ScriptedEngine implements AsperaEngine {
        private final Deque<Integer> codes = new ArrayDeque<>();
        final List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();

        void script(int... next) {
            for (int c : next) {
                codes.add(c);
            }
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public TransferHandle start(String transferId, TransferSpec spec, AsperaListener listener) {
            tokens.add(spec.token());
            int code = codes.isEmpty() ? 0 : codes.poll();
            return new TransferHandle() {
                @Override
                public String transferId() {
                    return transferId;
                }

                @Override
                public TransferOutcome await() {
                    if (code == 0) {
                        return new TransferOutcome(transferId, 4, 1, Duration.ZERO, "scripted");
                    }
                    throw new AsperaException("scripted failure " + AscpErrors.meaning(code), code, null);
                }

                @Override
                public TransferOutcome await(Duration timeout) {
                    return await();
                }

                @Override
                public void cancel() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
