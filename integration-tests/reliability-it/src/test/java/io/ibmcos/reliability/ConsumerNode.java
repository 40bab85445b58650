package io.ibmcos.reliability;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One consumer replica in its own JVM: {@code ibmcos:bucket} (optionally wrapped in {@code master:} with Camel's
 * FileLockClusterService, optionally sharded), a repository (memory, file or JDBC on PostgreSQL), and a side effect
 * per object that is forced to disk: a line "epochMillis key" in the output file. The test reads those lines to count
 * what was processed, by whom, and how often. Runs until it is killed or the test JVM exits.
 */
public final class ConsumerNode {

    private ConsumerNode() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = NodeSupport.args(argv);
        String bucket = args.get("bucket");
        long processMs = Long.parseLong(args.getOrDefault("processMs", "0"));
        NodeSupport.DurableLog out = new NodeSupport.DurableLog(Path.of(args.get("out")));
        CamelContext camel = new DefaultCamelContext();
        String repo = args.getOrDefault("repo", "memory");
        String repoOption = "";
        if (repo.startsWith("file:")) {
            camel.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(
                    Path.of(repo.substring(5)).toFile(), 100_000, 64L * 1024 * 1024));
            repoOption = "&idempotentRepository=#seen";
        } else if (repo.equals("jdbc")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(System.getenv("NODE_PG_URL"));
            ds.setUser(System.getenv("NODE_PG_USER"));
            ds.setPassword(System.getenv("NODE_PG_PASSWORD"));
            JdbcMessageIdRepository jdbc = new JdbcMessageIdRepository(ds, args.getOrDefault("processor", bucket));
            jdbc.setCreateTableIfNotExists(false);
            camel.getRegistry().bind("seen", jdbc);
            repoOption = "&idempotentRepository=#seen";
        }
        String uri = "ibmcos:" + bucket + "?" + NodeSupport.cosOptions() + repoOption
                + "&delay=" + args.getOrDefault("delay", "50")
                + "&maxMessagesPerPoll=" + args.getOrDefault("maxPerPoll", "20")
                + "&shardCount=" + args.getOrDefault("shardCount", "1")
                + "&shardIndex=" + args.getOrDefault("shardIndex", "0");
        if (args.containsKey("master")) {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setRoot(args.get("master"));
            cluster.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(Long.parseLong(args.getOrDefault("lockIntervalMs", "1000")),
                    TimeUnit.MILLISECONDS);
            cluster.setHeartbeatTimeoutMultiplier(Integer.parseInt(args.getOrDefault("heartbeatMultiplier", "3")));
            camel.addService(cluster);
            uri = "master:reliability:" + uri;
        }
        String from = uri;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("node").process(e -> {
                    if (processMs > 0) {
                        Thread.sleep(processMs);
                    }
                    out.line(System.currentTimeMillis() + " " + e.getMessage().getHeader("CamelIbmCosKey"));
                });
            }
        });
        camel.start();
        out.line(System.currentTimeMillis() + " #started");
        NodeSupport.runUntilParentExits();
    }
}
