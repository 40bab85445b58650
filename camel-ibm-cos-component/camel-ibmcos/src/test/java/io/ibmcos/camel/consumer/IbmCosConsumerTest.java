package io.ibmcos.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.ObjectListing;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

/** The polling consumer's delivery rules, poll by poll, on the in-memory fake. */
class IbmCosConsumerTest extends ConsumerTestSupport {

    @Test
    void newObjectsOnceUnchangedNeverAgainAndHeadersFromTheDownload() throws Exception {
        put(BUCKET, "a.txt", "alpha", Map.of("team", "blue"));
        put("b.txt", "bravo");
        String r = route("");

        poll(r);
        poll(r);
        poll(r);

        assertThat(keys(r)).containsExactly("a.txt", "b.txt");
        Exchange a = mock(r).getReceivedExchanges().get(0);
        assertThat(a.getMessage().getBody(String.class)).isEqualTo("alpha");
        assertThat(a.getMessage().getHeaders()).containsEntry(IbmCosConstants.BUCKET_NAME, BUCKET)
                .containsEntry(Exchange.FILE_NAME, "a.txt")
                .containsEntry(IbmCosConstants.E_TAG, fake.object(BUCKET, "a.txt").eTag)
                .containsEntry(IbmCosConstants.CONTENT_LENGTH, 5L)
                .containsEntry(IbmCosConstants.CONTENT_TYPE, "text/plain")
                .containsEntry(IbmCosConstants.METADATA, Map.of("team", "blue"))
                .containsEntry(IbmCosConstants.LAST_MODIFIED, fake.object(BUCKET, "a.txt").lastModified);
        assertThat(recorder.count("getObject")).isEqualTo(2);
        assertThat(fake.openStreams()).isZero();
    }

    @Test
    void aChangedObjectIsDeliveredOnceMore() throws Exception {
        put("a.txt", "v1");
        put("b.txt", "same");
        String r = route("");
        poll(r);

        put("a.txt", "v2");
        poll(r);
        poll(r);

        assertThat(keys(r)).containsExactly("a.txt", "b.txt", "a.txt");
        assertThat(mock(r).getReceivedExchanges().get(2).getMessage().getBody(String.class)).isEqualTo("v2");
    }

    @Test
    void seenIsRecordedOnlyAfterSuccessAndAFailedObjectIsRetried() throws Exception {
        MemoryIdempotentRepository repo = new MemoryIdempotentRepository();
        context.getRegistry().bind("seen", repo);
        put("a", "1");
        put("b", "2");
        put("c", "3");
        int[] attemptsOfB = { 0 };
        String r = route("idempotentRepository=#seen", e -> {
            if (e.getMessage().getHeader(IbmCosConstants.KEY).equals("b") && attemptsOfB[0]++ == 0) {
                throw new IllegalStateException("first attempt of b fails");
            }
        });

        poll(r);
        assertThat(keys(r)).containsExactly("a", "c");
        assertThat(repo.getCache()).containsOnlyKeys("a@" + fake.object(BUCKET, "a").eTag,
                "c@" + fake.object(BUCKET, "c").eTag);

        poll(r);
        poll(r);
        assertThat(keys(r)).containsExactly("a", "c", "b");
        assertThat(repo.getCache()).hasSize(3);
        assertThat(consumer(r).tracker().inFlightCount()).isZero();
        assertThat(fake.openStreams()).isZero();
    }

    @Test
    void anObjectAnotherReplicaDeliveredWhileTheBatchWaitedIsSkippedWithoutAGet() throws Exception {
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        context.getRegistry().bind("shared", shared);
        put("a", "1");
        put("b", "2");
        put("c", "3");
        // while this consumer processes a, the other replica (same repository) finishes b
        String r = route("idempotentRepository=#shared", e -> {
            if (e.getMessage().getHeader(IbmCosConstants.KEY).equals("a")) {
                shared.add("b@" + fake.object(BUCKET, "b").eTag);
            }
        });

        poll(r);
        assertThat(keys(r)).containsExactly("a", "c");
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("getObject")).hasSize(2);
        assertThat(consumer(r).tracker().inFlightCount()).isZero();
        assertThat(fake.openStreams()).isZero();
    }

    @Test
    void aRepositoryThatCannotRecordIsReportedAndTheObjectComesAgain() throws Exception {
        MemoryIdempotentRepository broken = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("repository down");
            }
        };
        context.getRegistry().bind("broken", broken);
        put("a", "1");
        String r = route("idempotentRepository=#broken");
        poll(r);
        poll(r);
        assertThat(keys(r)).containsExactly("a", "a");
        assertThat(handled).hasSize(2).allSatisfy(m -> assertThat(m).contains("Could not record object a")
                .contains("repository down"));
        assertThat(consumer(r).tracker().inFlightCount()).isZero();
    }

    @Test
    void anObjectInFlightIsNotEmittedByALaterPoll() throws Exception {
        put("slow", "x");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // threads(): the poll thread hands the exchange over and returns, so polls overlap with processing
                from("ibmcos:" + BUCKET + "?startScheduler=false").routeId("async").threads(1)
                        .process(e -> release.await(10, TimeUnit.SECONDS)).to("mock:async")
                        .process(e -> done.countDown());
            }
        });

        poll("async");
        poll("async");
        assertThat(consumer("async").tracker().isInFlight("slow")).isTrue();
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        // the completion runs right after the last step; wait for it to release the claim, bounded
        for (int i = 0; i < 1000 && consumer("async").tracker().isInFlight("slow"); i++) {
            Thread.sleep(5);
        }
        poll("async");

        assertThat(keys("async")).containsExactly("slow");
        assertThat(recorder.count("getObject")).isEqualTo(1);
        assertThat(fake.openStreams()).isZero();
    }

    @Test
    void paginationContinuesAcrossPollsAndWrapsAround() throws Exception {
        IntStream.range(0, 25).forEach(i -> put(String.format("k%02d", i), "v" + i));
        String r = route("maxMessagesPerPoll=10");

        poll(r);
        assertThat(keys(r)).hasSize(10).last().isEqualTo("k09");
        poll(r);
        assertThat(keys(r)).hasSize(20).last().isEqualTo("k19");
        poll(r);
        assertThat(keys(r)).hasSize(25).last().isEqualTo("k24");

        put("k05", "changed");  // on page one: found only after the listing wraps to the beginning
        long listsBefore = recorder.count("listObjectsV2");
        poll(r);
        assertThat(keys(r)).hasSize(26).last().isEqualTo("k05");
        assertThat(recorder.count("listObjectsV2") - listsBefore).isEqualTo(1);

        long before = recorder.count("listObjectsV2");
        poll(r);  // idle: walks the rest of the listing, one LIST per page, and emits nothing
        assertThat(keys(r)).hasSize(26);
        assertThat(recorder.count("listObjectsV2") - before).isEqualTo(2);
        ListObjectsRequest last = (ListObjectsRequest) recorder.last("listObjectsV2").arg(0);
        assertThat(last.maxKeys()).isEqualTo(10);
        assertThat(last.continuationToken()).isNotNull();
    }

    @Test
    void aPageTruncatedWithoutATokenRestartsTheListingInsteadOfStopping() throws Exception {
        IntStream.range(0, 6).forEach(i -> put("k" + i, "v" + i));
        int[] calls = { 0 };
        faults.on("listObjectsV2", (args, real) -> {
            ObjectListing page = (ObjectListing) real.call();
            if (calls[0]++ == 0) {  // the first page loses its token, as MinIO does under concurrent deletes
                return new ObjectListing(page.bucket(), page.prefix(), page.delimiter(), page.maxKeys(),
                        page.keyCount(), true, page.continuationToken(), null, page.startAfter(), null, null,
                        page.objects(), page.commonPrefixes());
            }
            return page;
        });
        String r = route("maxMessagesPerPoll=3");

        poll(r);
        poll(r);
        List<ListObjectsRequest> lists = recorder.calls().stream().filter(c -> c.method().equals("listObjectsV2"))
                .map(c -> (ListObjectsRequest) c.arg(0)).toList();
        assertThat(lists.get(1).continuationToken()).as("the second poll starts from the beginning").isNull();
        assertThat(lists.get(2).continuationToken()).as("and then follows the tokens again").isEqualTo("k2");

        assertThat(keys(r)).containsExactly("k0", "k1", "k2", "k3", "k4", "k5");
    }

    @Test
    void unlimitedWalksTheWholeListingInOnePoll() throws Exception {
        IntStream.range(0, 2100).forEach(i -> put(String.format("k%04d", i), "v"));
        String r = route("maxMessagesPerPoll=0&includeBody=false");
        poll(r);
        assertThat(keys(r)).hasSize(2100).doesNotHaveDuplicates();
        assertThat(recorder.count("listObjectsV2")).isEqualTo(3);
    }

    @Test
    void bodiesAreOpenedOneAtATimeAndAlwaysClosed() throws Exception {
        IntStream.range(0, 6).forEach(i -> put("k" + i, "v" + i));
        String r = route("maxMessagesPerPoll=6", e -> {
            String key = e.getMessage().getHeader(IbmCosConstants.KEY, String.class);
            if (key.equals("k2")) {
                throw new IllegalStateException("failed exchange");
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a filter that drops everything and never reads the body
                from("ibmcos:" + BUCKET + "?startScheduler=false&prefix=k1").routeId("filtered")
                        .filter(constant(false)).to("mock:never");
            }
        });

        poll(r);
        poll("filtered");

        assertThat(openWhileProcessing).hasSize(6).containsOnly(1);
        assertThat(fake.openStreams()).isZero();
        assertThat(recorder.count("getObject")).isEqualTo(7);
    }

    @Test
    void autocloseBodyFalseLeavesTheStreamToTheRoute() throws Exception {
        put("a", "1");
        List<InputStream> kept = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ibmcos:" + BUCKET + "?startScheduler=false&autocloseBody=false").routeId("keep")
                        .process(e -> kept.add(e.getMessage().getBody(InputStream.class)));
            }
        });
        context.setStreamCaching(false);
        poll("keep");
        assertThat(fake.openStreams()).isEqualTo(1);
        kept.get(0).close();
        assertThat(fake.openStreams()).isZero();
    }

    @Test
    void includeBodyFalseSendsNoGetAndIncludeUserMetadataAddsOneHead() throws Exception {
        put(BUCKET, "a", "1", Map.of("k", "v"));
        String plain = route("includeBody=false");
        String withMetadata = route("includeBody=false&includeUserMetadata=true");

        poll(plain);
        poll(withMetadata);

        assertThat(recorder.count("getObject")).isZero();
        assertThat(recorder.count("headObject")).isEqualTo(1);
        Exchange p = mock(plain).getReceivedExchanges().get(0);
        assertThat(p.getMessage().getBody()).isNull();
        assertThat(p.getMessage().getHeaders()).containsEntry(IbmCosConstants.CONTENT_LENGTH, 1L)
                .containsKey(IbmCosConstants.E_TAG).containsKey(IbmCosConstants.LAST_MODIFIED)
                .doesNotContainKey(IbmCosConstants.METADATA);
        assertThat(mock(withMetadata).getReceivedExchanges().get(0).getMessage().getHeaders())
                .containsEntry(IbmCosConstants.METADATA, Map.of("k", "v"))
                .containsEntry(IbmCosConstants.CONTENT_TYPE, "text/plain");
    }

    @Test
    void prefixDelimiterStartAfterAndFoldersShapeTheListing() throws Exception {
        put("in/a", "1");
        put("in/b", "2");
        put("in/dir/", "");
        put("in/dir/c", "3");
        put("other/x", "4");
        String r = route("prefix=in/&delimiter=/&startAfter=in/a&includeFolders=false");
        poll(r);
        assertThat(keys(r)).containsExactly("in/b");
        ListObjectsRequest req = (ListObjectsRequest) recorder.last("listObjectsV2").arg(0);
        assertThat(req.prefix()).isEqualTo("in/");
        assertThat(req.delimiter()).isEqualTo("/");
        assertThat(req.startAfter()).isEqualTo("in/a");

        String folders = route("prefix=in/dir");
        poll(folders);
        assertThat(keys(folders)).containsExactly("in/dir/", "in/dir/c");
    }

    @Test
    void fileNameReadsOneKeyWithAHeadAndAMissingKeyIsNotAnError() throws Exception {
        put("wanted", "1");
        put("wanted.bak", "2");
        String r = route("fileName=wanted");
        String missing = route("fileName=absent");
        poll(r);
        poll(r);
        poll(missing);
        assertThat(keys(r)).containsExactly("wanted");
        assertThat(keys(missing)).isEmpty();
        assertThat(recorder.count("listObjectsV2")).isZero();
        assertThat(handled).isEmpty();
        assertThat(health(missing)).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void anObjectRemovedBetweenListAndGetIsSkippedAndAFailedGetRetried() throws Exception {
        put("gone", "1");
        put("flaky", "2");
        boolean[] failedOnce = { false };
        faults.on("getObject", (args, real) -> {
            var req = (io.ibmcos.client.model.GetObjectRequest) args[0];
            if (req.key().equals("gone")) {
                fake.deleteObject(BUCKET, "gone");
            }
            if (req.key().equals("flaky") && !failedOnce[0]) {
                failedOnce[0] = true;
                throw new CosServiceException(503, "SlowDown", "slow down", "req", "flaky");
            }
            return real.call();
        });
        String r = route("");
        poll(r);
        assertThat(keys(r)).isEmpty();
        assertThat(handled).hasSize(1).first().asString().contains("flaky").contains("SlowDown");
        poll(r);
        assertThat(keys(r)).containsExactly("flaky");
        assertThat(consumer(r).tracker().inFlightCount()).isZero();
    }

    @Test
    void aListFailureReachesThePollStrategyAndTheHealthCheck() throws Exception {
        String r = route("");
        fake.deleteBucket(BUCKET);
        poll(r);
        assertThat(handled).anySatisfy(m -> assertThat(m).contains("NoSuchBucket"));
        assertThat(health(r)).isEqualTo(HealthCheck.State.DOWN);
        assertThat(consumer(r).getErrorCounter()).isEqualTo(1);
    }

    @Test
    void anIdleConsumerWithBackoffListsLessOften() throws Exception {
        put("a", "1");
        String plain = route("prefix=a");
        String backoff = route("prefix=a&backoffIdleThreshold=1&backoffMultiplier=3");
        poll(plain);
        poll(backoff);
        long before = recorder.count("listObjectsV2");
        for (int i = 0; i < 6; i++) {
            poll(plain);
        }
        long plainLists = recorder.count("listObjectsV2") - before;
        before = recorder.count("listObjectsV2");
        for (int i = 0; i < 6; i++) {
            poll(backoff);
        }
        long backoffLists = recorder.count("listObjectsV2") - before;
        assertThat(plainLists).isEqualTo(6);
        assertThat(backoffLists).isLessThanOrEqualTo(3);
        assertThat(keys(plain)).containsExactly("a");
        assertThat(keys(backoff)).containsExactly("a");
    }

    @Test
    void invalidShardOrPollOptionsFailAtStartup() {
        assertThatThrownBy(() -> route("shardCount=2&shardIndex=2")).hasStackTraceContaining("shardIndex");
        assertThatThrownBy(() -> route("maxMessagesPerPoll=-1")).hasStackTraceContaining("maxMessagesPerPoll");
    }

    @Test
    void theConsumerIsCreatedFromTheUriAndOptionsReachIt() throws Exception {
        String r = route("maxMessagesPerPoll=7&delay=1234");
        assertThat(consumer(r).getMaxMessagesPerPoll()).isEqualTo(7);
        assertThat(consumer(r).getDelay()).isEqualTo(1234);
        assertThat(consumer(r).toString()).contains("ibmcos://in");
    }

    /** The polling consumer health check Camel registers for every scheduled consumer, asked directly. */
    private HealthCheck.State health(String routeId) {
        return new ScheduledPollConsumerHealthCheck(consumer(routeId), routeId).call(Map.of()).getState();
    }
}
