package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.integration.aspera.standin.AscpStandIn;
import io.ibmcos.camel.integration.aspera.standin.StandInScript;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.aspera.AscpEngine;
import io.ibmcos.client.aspera.AsperaControlPlane;
import io.ibmcos.client.aspera.AsperaEvent;
import io.ibmcos.client.aspera.AsperaException;
import io.ibmcos.client.aspera.AsperaSpecOptions;
import io.ibmcos.client.aspera.AsperaTransferManager;
import io.ibmcos.client.aspera.AtsClient;
import io.ibmcos.client.aspera.DelegatedTokens;
import io.ibmcos.client.aspera.TransferOutcome;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.auth.IamCredentials;
import io.ibmcos.client.auth.IamTokenCache;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.emulator.CosEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client core's Aspera path end to end without Camel: control plane against the emulator, {@link AscpEngine}
 * spawning the ascp stand-in, events, cancellation (CANCEL, then SIGTERM, then SIGKILL), and the concurrency bound.
 */
class AsperaEngineIT {

    private static CosEmulator emulator;
    private static IamTokenCache tokens;
    private static DefaultCosClient cos;

    @TempDir
    Path tmp;
    private AscpEngine engine;

    @BeforeAll
    static void start() throws Exception {
        emulator = CosServers.startEmulator();
        tokens = new IamTokenCache();
        IamCredentials iam = new IamCredentials(CosServers.EMULATOR_API_KEY, CosServers.EMULATOR_INSTANCE,
                emulator.iamEndpoint());
        cos = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint()).credentials(iam)
                .iamTokenCache(tokens).build());
        cos.createBucket(new CreateBucketRequest("engine-bucket", null, null, null));
    }

    @AfterAll
    static void stop() {
        cos.close();
        tokens.close();
        emulator.close();
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private AsperaTransferManager manager(Map<String, String> standInEnv, int maxConcurrent) throws Exception {
        Path script = StandInScript.create(tmp.resolve("bin"), standInEnv);
        Path work = Files.createDirectories(tmp.resolve("work"));
        engine = new AscpEngine(AscpEngine.Settings.defaults().withAscpPath(script).withWorkDirectory(work)
                .withMaxConcurrent(maxConcurrent).withCancelGrace(Duration.ofMillis(300)));
        IamCredentials iam = new IamCredentials(CosServers.EMULATOR_API_KEY, CosServers.EMULATOR_INSTANCE,
                emulator.iamEndpoint());
        AsperaControlPlane plane = new AsperaControlPlane(cos, DelegatedTokens.of(tokens.manager(iam)),
                new AtsClient(Duration.ofSeconds(5), Duration.ofSeconds(30)), 10);
        return new AsperaTransferManager(cos, CredentialType.IAM, plane, engine, null, null);
    }

    private Path randomFile(String name, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.write(f, data);
    }

    @Test
    void eventsComeInOrderAndProgressIsMonotonicEndingAtTheTotal() throws Exception {
        AsperaTransferManager tm = manager(Map.of(AscpStandIn.STATS_ENV, "50"), 10);
        Path file = randomFile("events.bin", 700_000);
        List<AsperaEvent> events = new CopyOnWriteArrayList<>();
        TransferOutcome outcome = tm.upload("engine-bucket", file, "events/events.bin", AsperaSpecOptions.NONE,
                events::add).await(Duration.ofMinutes(1));

        assertThat(outcome.bytes()).isEqualTo(700_000);
        assertThat(outcome.files()).isEqualTo(1);
        assertThat(outcome.engine()).isEqualTo("ascp");
        assertThat(events.get(0)).isInstanceOf(AsperaEvent.Queued.class);
        assertThat(events.get(1)).isInstanceOf(AsperaEvent.Started.class);
        assertThat(events.get(events.size() - 1)).isEqualTo(new AsperaEvent.Done(outcome.transferId(), 700_000, 1));
        List<AsperaEvent.Progress> progress = events.stream().filter(AsperaEvent.Progress.class::isInstance)
                .map(AsperaEvent.Progress.class::cast).toList();
        assertThat(progress.size()).as("a STATS per 64 KiB chunk").isGreaterThanOrEqualTo(11);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i).bytes()).isGreaterThan(progress.get(i - 1).bytes());
        }
        AsperaEvent.Progress last = progress.get(progress.size() - 1);
        assertThat(last.bytes()).isEqualTo(700_000);
        assertThat(last.total()).isEqualTo(700_000);
        assertThat(events).filteredOn(AsperaEvent.FileDone.class::isInstance).hasSize(1);
        assertThat(cos.headObject("engine-bucket", "events/events.bin").contentLength()).isEqualTo(700_000);
        System.out.println("Events of a stand-in transfer: " + events.stream().map(Object::toString)
                .reduce((a, b) -> a + "\n  " + b).orElse(""));
    }

    @Test
    void cancelMidTransferEndsTheProcessLeavesNoObjectAndDeletesTheFileList() throws Exception {
        AsperaTransferManager tm = manager(Map.of(AscpStandIn.CHUNK_DELAY_ENV, "100"), 10);
        Path file = randomFile("slow.bin", 3_000_000); // ~46 chunks of 100 ms: far longer than the test needs
        CountDownLatch moving = new CountDownLatch(1);
        AsperaTransferManager.ManagedTransfer transfer = tm.upload("engine-bucket", file, "cancel/slow.bin",
                AsperaSpecOptions.NONE, e -> {
                    if (e instanceof AsperaEvent.Progress) {
                        moving.countDown();
                    }
                });
        CompletableFuture<Throwable> result = CompletableFuture.supplyAsync(() -> {
            try {
                transfer.await(Duration.ofMinutes(1));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        assertThat(moving.await(30, TimeUnit.SECONDS)).as("bytes started moving").isTrue();
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
        assertThat(before).as("the stand-in runs").isNotEmpty();

        transfer.cancel();

        Throwable failure = result.get(30, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(AsperaException.class);
        assertThat(((AsperaException) failure).code()).isEqualTo(28);
        assertThat(before).noneMatch(ProcessHandle::isAlive);
        try (Stream<Path> left = Files.list(tmp.resolve("work"))) {
            assertThat(left).as("temporary file lists").isEmpty();
        }
        assertThatThrownBy(() -> cos.headObject("engine-bucket", "cancel/slow.bin"))
                .isInstanceOf(CosServiceException.class);
    }

    @Test
    void cancelEscalatesToKillWhenAscpIgnoresCancelAndSigterm() throws Exception {
        // a stubborn "ascp" that never connects and ignores SIGTERM, as ascp does during SSH session set-up
        Path stubborn = tmp.resolve("stubborn.sh");
        Files.writeString(stubborn, "#!/bin/sh\n[ \"$1\" = -A ] && { echo 'stubborn test version'; exit 0; }\n"
                + "trap '' TERM\nwhile :; do sleep 0.2; done\n");
        assertThat(stubborn.toFile().setExecutable(true)).isTrue();
        Path work = Files.createDirectories(tmp.resolve("work-stubborn"));
        engine = new AscpEngine(AscpEngine.Settings.defaults().withAscpPath(stubborn).withWorkDirectory(work)
                .withCancelGrace(Duration.ofMillis(300)));
        io.ibmcos.client.aspera.TransferSpec spec = io.ibmcos.client.aspera.TransferSpec.empty();
        spec.json().put("remote_host", "127.0.0.1").put("direction", "send");
        spec.paths(List.of(new io.ibmcos.client.aspera.TransferSpec.PathPair("/tmp/x", "x")));
        AscpEngine.TrackedHandle handle = (AscpEngine.TrackedHandle) engine.start("stubborn", spec, e -> { });
        List<Long> pids = List.of();
        for (int i = 0; i < 200 && pids.isEmpty(); i++) { // the process is spawned on an engine thread
            Thread.sleep(25);
            pids = handle.processIds();
        }
        assertThat(pids).hasSize(1);
        ProcessHandle process = ProcessHandle.of(pids.get(0)).orElseThrow();

        handle.cancel();

        assertThat(process.isAlive()).as("only SIGKILL can have ended it").isFalse();
        assertThatThrownBy(handle::await).isInstanceOfSatisfying(AsperaException.class,
                e -> assertThat(e.code()).isEqualTo(28));
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void beyondMaxConcurrentSessionsWaitForAFreeSlot() throws Exception {
        AsperaTransferManager tm = manager(Map.of(AscpStandIn.CHUNK_DELAY_ENV, "100"), 1);
        Path slow = randomFile("first.bin", 2_000_000);
        Path quick = randomFile("second.bin", 10_000);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstMoving = new CountDownLatch(1);
        AsperaTransferManager.ManagedTransfer first = tm.upload("engine-bucket", slow, "slots/first.bin",
                AsperaSpecOptions.NONE, e -> {
                    if (e instanceof AsperaEvent.Progress) {
                        firstMoving.countDown();
                    }
                    record(order, "first", e);
                });
        CompletableFuture<Void> firstRun = CompletableFuture.runAsync(() -> awaitQuietly(first));
        assertThat(firstMoving.await(30, TimeUnit.SECONDS)).isTrue();
        AsperaTransferManager.ManagedTransfer second = tm.upload("engine-bucket", quick, "slots/second.bin",
                AsperaSpecOptions.NONE, e -> record(order, "second", e));
        CompletableFuture<Void> secondRun = CompletableFuture.runAsync(() -> awaitQuietly(second));
        for (int i = 0; i < 400 && !order.contains("second Queued"); i++) {
            Thread.sleep(10);
        }
        assertThat(engine.freeSlots()).isZero();
        first.cancel();
        firstRun.get(30, TimeUnit.SECONDS);
        secondRun.get(30, TimeUnit.SECONDS);

        assertThat(order).containsSubsequence("second Queued", "first Error", "second Started", "second Done");
        assertThat(cos.headObject("engine-bucket", "slots/second.bin").contentLength()).isEqualTo(10_000);
    }

    private static void record(List<String> order, String name, AsperaEvent e) {
        if (!(e instanceof AsperaEvent.Progress)) {
            order.add(name + " " + e.getClass().getSimpleName());
        }
    }

    private static void awaitQuietly(AsperaTransferManager.ManagedTransfer t) {
        try {
            t.await(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (AsperaException e) {
            // the cancelled one
        }
    }
}
