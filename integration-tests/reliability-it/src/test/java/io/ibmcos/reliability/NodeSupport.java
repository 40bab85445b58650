package io.ibmcos.reliability;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the node mains share: key=value arguments, endpoint options from the environment, a durable output file. */
final class NodeSupport {

    private NodeSupport() {
    }

    static Map<String, String> args(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return m;
    }

    /**
     * Blocks until the parent test JVM goes away (its end of our stdin pipe closes), then exits: a node never outlives
     * the test run, even when the test JVM itself is killed before its cleanup.
     */
    static void runUntilParentExits() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; any byte is ignored
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone as well
        }
        Runtime.getRuntime().halt(0);
    }

    /** HMAC options from the environment the parent set; the secret never appears on the command line. */
    static String cosOptions() {
        return "endpointUrl=" + System.getenv("NODE_COS_ENDPOINT") + "&accessKey=" + System.getenv("NODE_COS_ACCESS_KEY")
                + "&secretKey=RAW(" + System.getenv("NODE_COS_SECRET_KEY") + ")";
    }

    /** Appends lines and forces them to disk before returning: what a node wrote survives its SIGKILL. */
    static final class DurableLog implements AutoCloseable {
        private final FileOutputStream out;

        DurableLog(Path file) {
            try {
                out = new FileOutputStream(file.toFile(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void line(String text) {
            try {
                out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                out.getFD().sync();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The lines of a node's output file (empty when it wrote none yet). */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
