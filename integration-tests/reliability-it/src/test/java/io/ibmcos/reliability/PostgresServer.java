package io.ibmcos.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the shared-repository tests: the one named by IBMCOS_IT_PG_URL (+ _USER, _PASSWORD),
 * else a private throw-away cluster started from the Debian package's binaries (initdb + pg_ctl) on 127.0.0.1 and a
 * free port, run as the {@code postgres} user when the tests run as root (PostgreSQL refuses to run as root). Tests
 * are skipped, with a message saying what to install, only when no server binary exists.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "ibmcos";

    private final String url;
    private final String user;
    private final String password;
    private final Path dataDir;
    private final Path bin;
    private final boolean asPostgres;

    private PostgresServer(String url, String user, String password, Path dataDir, Path bin, boolean asPostgres) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
        this.bin = bin;
        this.asPostgres = asPostgres;
    }

    private static PostgresServer shared;

    /**
     * One server for all tests of this JVM (initdb costs seconds), stopped by a shutdown hook; skips the calling test
     * when no server binary exists.
     */
    static synchronized PostgresServer sharedOrSkip() throws Exception {
        if (shared == null) {
            PostgresServer server = startOrSkip();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("Stopping the test PostgreSQL failed: " + e);
                }
            }));
            shared = server;
        }
        return shared;
    }

    static PostgresServer startOrSkip() throws Exception {
        String given = System.getenv("IBMCOS_IT_PG_URL");
        if (given != null && !given.isBlank()) {
            return new PostgresServer(given, System.getenv("IBMCOS_IT_PG_USER"), System.getenv("IBMCOS_IT_PG_PASSWORD"),
                    null, null, false);
        }
        Path bin = findBin();
        Assumptions.assumeTrue(bin != null, "SKIPPED: no PostgreSQL server binary (initdb, pg_ctl) found under "
                + "/usr/lib/postgresql/*/bin or on PATH: install the Debian package 'postgresql' (.ci/run does), or "
                + "point IBMCOS_IT_PG_URL/_USER/_PASSWORD at a server");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("ibmcos-pg-");
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        Path data = dir.resolve("data");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "",
                data, bin, root);
        server.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--no-sync", "-E", "UTF8"));
        server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                dir.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
                "start"));
        return server;
    }

    private static Path findBin() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Path newest = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(p -> p.getParent().getFileName().toString())).orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir);
            if (!dir.isEmpty() && Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) {
                return p;
            }
        }
        return null;
    }

    private void pg(List<String> command) throws Exception {
        run(command, asPostgres);
    }

    private static void run(List<String> command, boolean asPostgres) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("Command failed: " + String.join(" ", cmd) + "\n" + output);
        }
    }

    String url() {
        return url;
    }

    /** What a child JVM needs to reach the server (no password on a private trust-auth server). */
    Map<String, String> env() {
        return Map.of("NODE_PG_URL", url, "NODE_PG_USER", user == null ? "" : user, "NODE_PG_PASSWORD",
                password == null ? "" : password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The repository table with the unique key a shared repository needs; emptied for each test. */
    void resetRepositoryTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL, "
                    + "messageId VARCHAR(1100) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
            s.execute("DELETE FROM CAMEL_MESSAGEPROCESSED");
        }
    }

    @Override
    public void close() throws Exception {
        if (dataDir != null) {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
            try (Stream<Path> all = Files.walk(dataDir.getParent())) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
