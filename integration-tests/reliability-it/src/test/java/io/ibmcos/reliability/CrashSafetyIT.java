package io.ibmcos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.CreateMultipartUploadRequest;
import io.ibmcos.client.model.MultipartUploadSummary;
import io.ibmcos.emulator.admin.FaultRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Crash safety with separate JVMs killed by SIGKILL: an uploader mid-multipart (the incomplete upload is then aborted
 * by abortIncompleteUploadsAfter), and a consumer mid-batch restarted with a file and with a JDBC repository (nothing
 * lost, duplicates bounded by what was in flight). The emulator's own torn-write test (killed during a large PUT
 * with a data dir: absent or whole) is TornWriteIT in ibmcos-emulator.
 */
class CrashSafetyIT extends NodeTestSupport {

    static final int OBJECTS = 300;
    static final int MAX_PER_POLL = 50;

    @Test
    void anUploaderKilledMidMultipartLeavesAnUploadThatTheNextStartAborts() throws Exception {
        String bucket = "crash-upload";
        client.createBucket(CreateBucketRequest.of(bucket));
        // slow parts, so the kill lands in the middle of the upload
        emulator.faults().add(FaultRule.latency("UploadPart", 300).times(-1));
        ChildJvm uploader = node(UploaderNode.class, "uploader", Map.of(), "bucket=" + bucket, "key=big.bin",
                "sizeMiB=100", "out=" + out("uploader"));
        await("3 parts uploaded", 120, () -> emulator.stats().count("UploadPart") >= 3);
        long partsBeforeKill = emulator.stats().count("UploadPart");
        uploader.kill9();
        emulator.faults().clear();

        List<MultipartUploadSummary> open = Campaign.openUploads(client, bucket);
        assertThat(open).as("the killed uploader never sent its abort").singleElement()
                .satisfies(u -> assertThat(u.key()).isEqualTo("big.bin"));
        // older than the 4 s cutoff (initiated times may be rounded down to the second) ...
        Thread.sleep(5000);
        // ... unlike an upload started just now, by a replica still running, which must survive the cleanup
        client.createMultipartUpload(new CreateMultipartUploadRequest(bucket, "younger.bin", null));

        long started = System.nanoTime();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:any").to("ibmcos:" + bucket + "?" + Campaign.hmacOptions(emulator)
                            + "&abortIncompleteUploadsAfter=4s");
                }
            });
            camel.start();
        }
        long cleanupMs = (System.nanoTime() - started) / 1_000_000;
        List<MultipartUploadSummary> left = Campaign.openUploads(client, bucket);
        assertThat(left).extracting(MultipartUploadSummary::key).as("older than 4 s: aborted; younger: kept")
                .containsExactly("younger.bin");
        assertNoObject(bucket, "big.bin");
        Campaign.report("crash: uploader killed mid-multipart (100 MiB, 5 MiB parts)", """
                parts uploaded before SIGKILL: %d; incomplete uploads found after the kill: %d
                route start with abortIncompleteUploadsAfter=4s aborted the killed upload (5 s old) and kept one started
                just before; endpoint start incl. cleanup: %d ms; object big.bin absent
                """.formatted(partsBeforeKill, open.size(), cleanupMs));
    }

    @Test
    void aConsumerKilledMidBatchWithAFileRepositoryLosesNothing() throws Exception {
        crashAndRestart("crash-file", "repo=file:" + dir.resolve("seen.dat"), Map.of(), "FileIdempotentRepository");
    }

    @Test
    void aConsumerKilledMidBatchWithAJdbcRepositoryLosesNothing() throws Exception {
        PostgresServer pg = PostgresServer.sharedOrSkip();
        pg.resetRepositoryTable();
        crashAndRestart("crash-jdbc", "repo=jdbc", pg.env(), "JdbcMessageIdRepository on PostgreSQL");
    }

    private void crashAndRestart(String bucket, String repo, Map<String, String> env, String what) throws Exception {
        bucketWithObjects(bucket, "in/", OBJECTS);
        Path first = out(bucket + "-1");
        Path second = out(bucket + "-2");
        String[] args = { "bucket=" + bucket, repo, "processMs=10", "maxPerPoll=" + MAX_PER_POLL, "delay=20" };
        ChildJvm a = node(ConsumerNode.class, bucket + "-1", env, with(args, "out=" + first));
        await("100 objects processed before the kill", 120, () -> keys(first).size() >= 100);
        a.kill9();
        int beforeKill = keys(first).size();

        node(ConsumerNode.class, bucket + "-2", env, with(args, "out=" + second));
        await("all objects processed after the restart", 120, () -> union(first, second).size() >= OBJECTS);
        Thread.sleep(1000); // a late duplicate would show up now
        Map<String, Integer> dups = duplicates(first, second);
        assertThat(union(first, second)).as("nothing lost").hasSize(OBJECTS);
        assertThat(dups.size()).as("duplicates at most one batch in flight").isLessThanOrEqualTo(MAX_PER_POLL);
        Campaign.report("crash: consumer killed mid-batch, restarted, " + what, """
                objects: %d; processed before SIGKILL: %d; after the restart: %d; lost: 0
                duplicates (processed before the kill, not yet recorded in the repository): %d %s
                (batch size maxMessagesPerPoll=%d, 10 ms per object, one consumer thread)
                """.formatted(OBJECTS, beforeKill, keys(second).size(), dups.size(), dups.keySet(), MAX_PER_POLL));
    }

    private static String[] with(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }

    private void assertNoObject(String bucket, String key) {
        try {
            client.headObject(bucket, key);
            throw new AssertionError(key + " exists");
        } catch (CosServiceException e) {
            assertThat(e.statusCode()).isEqualTo(404);
        }
    }
}
