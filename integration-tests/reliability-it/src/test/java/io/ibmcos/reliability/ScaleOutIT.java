package io.ibmcos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Consumers as several replicas, each in its own JVM, on existing engines only: key sharding (shardCount/shardIndex),
 * camel-master with Camel's FileLockClusterService (one active consumer; failover measured after SIGKILL of the
 * leader), and a shared JdbcMessageIdRepository on a real PostgreSQL with two unsharded consumers (duplicates
 * measured: the guarantee is documented, not assumed).
 */
class ScaleOutIT extends NodeTestSupport {

    @Test
    void threeShardsAreDisjointAndComplete() throws Exception {
        String bucket = "scale-shards";
        int objects = 300;
        bucketWithObjects(bucket, "in/", objects);
        Path[] outs = new Path[3];
        for (int i = 0; i < 3; i++) {
            outs[i] = out("shard-" + i);
            node(ConsumerNode.class, "shard-" + i, Map.of(), "bucket=" + bucket, "shardCount=3", "shardIndex=" + i,
                    "maxPerPoll=100", "delay=20", "out=" + outs[i]);
        }
        await("all objects consumed by the three shards", 180, () -> union(outs).size() >= objects);
        Thread.sleep(1000);
        assertThat(union(outs)).as("complete").hasSize(objects);
        assertThat(duplicates(outs)).as("disjoint: no object in two shards, none twice").isEmpty();
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                Set<String> both = new HashSet<>(keys(outs[i]));
                both.retainAll(keys(outs[j]));
                assertThat(both).as("shards " + i + " and " + j).isEmpty();
            }
        }
        Campaign.report("scale-out: shardCount=3 across 3 JVMs", """
                objects: %d; per shard: %d / %d / %d; overlap: 0; missing: 0
                """.formatted(objects, keys(outs[0]).size(), keys(outs[1]).size(), keys(outs[2]).size()));
    }

    @Test
    void masterKeepsOneActiveConsumerAndFailsOverAfterSigkill() throws Exception {
        String bucket = "scale-master";
        int before = 200;
        int after = 50;
        bucketWithObjects(bucket, "before/", before);
        Path locks = Files.createDirectories(dir.resolve("locks"));
        String repo = "repo=file:" + dir.resolve("master-seen.dat");
        Path outA = out("master-a");
        Path outB = out("master-b");
        ChildJvm a = node(ConsumerNode.class, "master-a", Map.of(), "bucket=" + bucket, repo, "master=" + locks,
                "lockIntervalMs=1000", "maxPerPoll=50", "delay=50", "out=" + outA);
        await("A leads and consumes", 120, () -> !keys(outA).isEmpty());
        node(ConsumerNode.class, "master-b", Map.of(), "bucket=" + bucket, repo, "master=" + locks,
                "lockIntervalMs=1000", "maxPerPoll=50", "delay=50", "out=" + outB);
        await("B started as a follower", 120, () -> NodeSupport.lines(outB).stream().anyMatch(l -> l.endsWith("#started")));
        await("A consumed the first batch", 120, () -> keys(outA).size() >= before);
        Thread.sleep(3000);
        assertThat(keys(outB)).as("one active consumer: the follower consumed nothing while the leader lived").isEmpty();

        long killedAt = System.currentTimeMillis();
        a.kill9();
        putObjects(bucket, "after/", after);
        await("B took over and consumed the new objects", 180,
                () -> keys(outB).stream().filter(k -> k.startsWith("after/")).count() >= after);
        long firstByB = firstTime(outB, k -> !k.startsWith("#"));
        long failoverMs = firstByB - killedAt;
        Map<String, Integer> dups = duplicates(outA, outB);
        assertThat(union(outA, outB)).as("nothing lost").hasSize(before + after);
        Campaign.report("scale-out: camel-master (FileLockClusterService) across 2 JVMs", """
                leader consumed %d while the follower consumed 0; leader SIGKILLed
                failover (kill -> first object consumed by the follower, incl. its poll delay 50 ms): %d ms
                (acquireLockInterval=1 s, acquireLockDelay=200 ms, heartbeatTimeoutMultiplier=3)
                objects: %d; lost: 0; duplicates after failover: %d (shared FileIdempotentRepository file)
                """.formatted(keys(outA).size(), failoverMs, before + after, dups.size()));
    }

    @Test
    void twoUnshardedConsumersWithASharedPostgresRepository() throws Exception {
        PostgresServer pg = PostgresServer.sharedOrSkip();
        pg.resetRepositoryTable();
        String bucket = "scale-jdbc";
        int objects = 300;
        bucketWithObjects(bucket, "in/", objects);
        Path one = out("jdbc-1");
        Path two = out("jdbc-2");
        for (Path o : List.of(one, two)) {
            node(ConsumerNode.class, o.getFileName().toString().replace(".out", ""), pg.env(), "bucket=" + bucket,
                    "repo=jdbc", "processor=shared", "maxPerPoll=50", "delay=20", "processMs=2", "out=" + o);
        }
        await("all objects consumed", 180, () -> union(one, two).size() >= objects);
        Thread.sleep(2000);
        Map<String, Integer> dups = duplicates(one, two);
        assertThat(union(one, two)).as("complete").hasSize(objects);
        Campaign.report("scale-out: 2 unsharded consumers, shared JdbcMessageIdRepository on PostgreSQL", """
                objects: %d; consumer 1: %d, consumer 2: %d; duplicates: %d
                (each replica records an object after success and skips, before its GET, one the other finished
                since the listing; replicas in lockstep both take what neither finished: shard or use camel-master)
                """.formatted(objects, keys(one).size(), keys(two).size(), dups.size()));
    }
}
