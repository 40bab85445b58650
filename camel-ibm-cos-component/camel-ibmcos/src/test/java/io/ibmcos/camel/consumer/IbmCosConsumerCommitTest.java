package io.ibmcos.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.client.error.CosServiceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** deleteAfterRead, moveAfterRead and sharding: what happens after an exchange, and who gets which key. */
class IbmCosConsumerCommitTest extends ConsumerTestSupport {

    @Test
    void deleteAfterReadDeletesOnlyAfterSuccess() throws Exception {
        put("ok", "1");
        put("bad", "2");
        String r = route("deleteAfterRead=true", e -> {
            if (e.getMessage().getHeader("CamelIbmCosKey").equals("bad")) {
                throw new IllegalStateException("route failed");
            }
        });
        poll(r);
        assertThat(fake.object(BUCKET, "ok")).isNull();
        assertThat(fake.object(BUCKET, "bad")).isNotNull();
        poll(r);
        // the mock sees successful exchanges only
        assertThat(keys(r)).containsExactly("ok");
        assertThat(recorder.count("getObject")).isEqualTo(3);
    }

    @Test
    void aFailedDeleteLeavesTheObjectReportsItAndItIsProcessedAgain() throws Exception {
        put("x", "1");
        faults.on("deleteObject", (args, real) -> {
            throw new CosServiceException(500, "InternalError", "We encountered an internal error", "req-1", "x");
        });
        String r = route("deleteAfterRead=true");
        poll(r);
        assertThat(fake.object(BUCKET, "x")).isNotNull();
        assertThat(handled).singleElement().asString().contains("Could not delete object x in bucket in")
                .contains("InternalError");

        faults.clear("deleteObject");
        poll(r);
        poll(r);
        assertThat(keys(r)).containsExactly("x", "x");
        assertThat(fake.object(BUCKET, "x")).isNull();
    }

    @Test
    void reuploadingTheSameContentAfterDeleteIsConsumedAgain() throws Exception {
        // with deleteAfterRead the delete is the commit; a (key, ETag) memory would swallow the second upload
        put("daily.csv", "same content");
        String r = route("deleteAfterRead=true");
        poll(r);
        put("daily.csv", "same content");
        poll(r);
        assertThat(keys(r)).containsExactly("daily.csv", "daily.csv");
    }

    @Test
    void moveAfterReadCopiesVerifiesAndDeletes() throws Exception {
        put("in/a.txt", "1");
        String r = route("prefix=in/&moveAfterRead=true&destinationBucket=archive&destinationBucketPrefix=done/"
                + "&destinationBucketSuffix=.bak&removePrefixOnMove=true");
        poll(r);
        assertThat(fake.object(BUCKET, "in/a.txt")).isNull();
        assertThat(fake.object("archive", "done/a.txt.bak").data).isEqualTo("1".getBytes());
        assertThat(recorder.calls().stream().map(c -> c.method()).toList())
                .containsSubsequence("copyObject", "headObject", "deleteObject");
    }

    @Test
    void moveWithinTheBucketDoesNotConsumeMovedObjectsAgain() throws Exception {
        put("a.txt", "1");
        String r = route("moveAfterRead=true&destinationBucketPrefix=done/");
        poll(r);
        poll(r);
        poll(r);
        assertThat(keys(r)).containsExactly("a.txt");
        assertThat(fake.bucket(BUCKET).objects).containsOnlyKeys("done/a.txt");
    }

    @Test
    void aFailedCopyDeletesNothingAndTheObjectComesAgain() throws Exception {
        put("a.txt", "1");
        faults.on("copyObject", (args, real) -> {
            throw new CosServiceException(503, "SlowDown", "slow", "req", "a.txt");
        });
        String r = route("moveAfterRead=true&destinationBucket=archive");
        poll(r);
        assertThat(fake.object(BUCKET, "a.txt")).isNotNull();
        assertThat(recorder.count("deleteObject")).isZero();
        assertThat(handled).singleElement().asString().contains("Could not move object a.txt");
        faults.clear("copyObject");
        poll(r);
        assertThat(keys(r)).containsExactly("a.txt", "a.txt");
        assertThat(fake.object("archive", "a.txt")).isNotNull();
    }

    @Test
    void movingOntoTheSameBucketAndKeyIsRejectedAtStartup() {
        assertThatThrownBy(() -> route("moveAfterRead=true")).hasStackTraceContaining("onto itself");
        assertThatThrownBy(() -> route("moveAfterRead=true&destinationBucket=" + BUCKET))
                .hasStackTraceContaining("onto itself");
        assertThatThrownBy(() -> route("prefix=in/&removePrefixOnMove=true&moveAfterRead=true"
                + "&destinationBucketPrefix=in/")).hasStackTraceContaining("onto itself");
    }

    @Test
    void destinationKeyMapping() {
        IbmCosConfiguration c = new IbmCosConfiguration();
        c.setBucketName("b");
        c.setMoveAfterRead(true);
        c.setPrefix("in/");
        c.setDestinationBucketPrefix("out/");
        PostReadAction.Move move = (PostReadAction.Move) PostReadAction.of(c);
        assertThat(move.destinationKey("in/x/y.txt")).isEqualTo("out/in/x/y.txt");
        c.setRemovePrefixOnMove(true);
        c.setDestinationBucketSuffix(".done");
        move = (PostReadAction.Move) PostReadAction.of(c);
        assertThat(move.destinationKey("in/x/y.txt")).isEqualTo("out/x/y.txt.done");
        assertThat(move.isDestination("b", "out/x/y.txt.done")).isTrue();
        assertThat(move.isDestination("other", "out/x/y.txt.done")).isFalse();
        assertThat(move.isDestination("b", "in/x/y.txt")).isFalse();
    }

    @Test
    void twoShardsSplitTheBucketDisjointlyAndCompletely() throws Exception {
        List<String> all = IntStream.range(0, 300).mapToObj(i -> "obj-" + i).toList();
        all.forEach(k -> put(k, k));
        String s0 = route("shardCount=2&shardIndex=0&maxMessagesPerPoll=0&includeBody=false");
        String s1 = route("shardCount=2&shardIndex=1&maxMessagesPerPoll=0&includeBody=false");
        poll(s0);
        poll(s1);
        poll(s0);
        poll(s1);
        assertThat(keys(s0)).isNotEmpty().doesNotHaveDuplicates();
        assertThat(keys(s1)).isNotEmpty().doesNotHaveDuplicates();
        assertThat(new HashSet<>(keys(s0))).doesNotContainAnyElementsOf(keys(s1));
        List<String> union = new ArrayList<>(keys(s0));
        union.addAll(keys(s1));
        assertThat(union).containsExactlyInAnyOrderElementsOf(all);
    }
}
