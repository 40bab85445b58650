package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.integration.aspera.standin.AscpStandIn;
import io.ibmcos.camel.integration.aspera.standin.StandInScript;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.aspera.AsperaException;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.emulator.CosEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running Aspera transfer ends with its route: stopping the Camel context cancels it (process gone, no object, file
 * list deleted), and asperaTimeout cancels one that takes too long.
 */
class IbmCosAsperaCancelIT extends CamelTestSupport {

    private static CosEmulator emulator;

    @TempDir
    static Path tmp;

    private static DefaultCosClient cos;

    @BeforeAll
    static void start() throws Exception {
        emulator = CosServers.startEmulator();
        cos = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(CosServers.EMULATOR_ACCESS_KEY, CosServers.EMULATOR_SECRET_KEY))
                .build());
        cos.createBucket(CreateBucketRequest.of("aspera-cancel"));
    }

    @AfterAll
    static void stop() {
        cos.close();
        emulator.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        Path ascp = StandInScript.create(tmp.resolve("bin"), Map.of(AscpStandIn.CHUNK_DELAY_ENV, "100",
                AscpStandIn.RECORD_ENV, Files.createDirectories(tmp.resolve("record")).toString()));
        String iam = Auth.IAM.uriOptions(emulator);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to("ibmcos:aspera-cancel?operation=asperaUpload&" + iam + "&asperaAscpPath="
                        + ascp);
                from("direct:timed").to("ibmcos:aspera-cancel?operation=asperaUpload&asperaTimeout=1500&" + iam
                        + "&asperaAscpPath=" + ascp);
            }
        };
    }

    private static Path slowFile(String name) throws Exception {
        byte[] data = new byte[3_000_000]; // ~46 chunks of 100 ms
        new Random(1).nextBytes(data);
        return Files.write(tmp.resolve(name), data);
    }

    private static List<Path> recorded() throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("record"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("argv-")).toList();
        }
    }

    @Test
    void stoppingTheContextCancelsTheTransfer() throws Exception {
        Path file = slowFile("stop.bin");
        long sessions = emulator.stats().count("AsperaSession");
        CompletableFuture<Exchange> running = CompletableFuture.supplyAsync(() -> template.send("direct:upload",
                e -> {
                    e.getMessage().setHeader(IbmCosConstants.KEY, "stop.bin");
                    e.getMessage().setBody(file);
                }));
        for (int i = 0; i < 600 && emulator.stats().count("AsperaSession") == sessions; i++) {
            Thread.sleep(25); // until the stand-in has validated its token: bytes are about to move
        }
        assertThat(emulator.stats().count("AsperaSession")).isGreaterThan(sessions);
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        assertThat(children).isNotEmpty();

        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        Exchange done = running.get(60, TimeUnit.SECONDS);
        assertThat(done.getException()).isInstanceOf(AsperaException.class);
        assertThat(((AsperaException) done.getException()).code()).isEqualTo(28);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(emulator.stats().count("AsperaPut")).as("the PUT was cut off").isGreaterThanOrEqualTo(1);
        assertNoObjectAndNoFileList("stop.bin");
    }

    @Test
    void asperaTimeoutCancelsATransferThatTakesTooLong() throws Exception {
        Path file = slowFile("timed.bin");
        Exchange done = template.send("direct:timed", e -> {
            e.getMessage().setHeader(IbmCosConstants.KEY, "timed.bin");
            e.getMessage().setBody(file);
        });
        assertThat(done.getException()).isInstanceOf(AsperaException.class)
                .hasMessageContaining("did not finish within PT1.5S");
        assertThat(((AsperaException) done.getException()).code()).isEqualTo(28);
        assertNoObjectAndNoFileList("timed.bin");
    }

    private void assertNoObjectAndNoFileList(String key) throws Exception {
        assertThatThrownBy(() -> cos.headObject("aspera-cancel", key)).as("no object " + key)
                .isInstanceOf(CosServiceException.class);
        for (Path argv : recorded()) {
            List<String> a = Files.readAllLines(argv);
            String list = a.stream().filter(s -> s.contains("-list=")).findFirst().orElseThrow();
            assertThat(Path.of(list.substring(list.indexOf('=') + 1))).doesNotExist();
        }
    }
}
