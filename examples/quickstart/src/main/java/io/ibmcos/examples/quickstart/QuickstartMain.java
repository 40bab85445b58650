package io.ibmcos.examples.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The quickstart launcher: {@code [--keep-running] [--work-dir DIR] [--timeout SECONDS]}. Against the embedded
 * emulator unless COS_ENDPOINT is set (see {@link CosTarget}). Exit code 0 when the scenario completed and its
 * checks passed, 1 with the reason otherwise, 2 for bad arguments.
 */
public final class QuickstartMain {

    private QuickstartMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean keepRunning = false;
        Path workDir = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i].trim();
            if (a.equals("--keep-running") || a.equals("keep-running")) {
                keepRunning = true;
            } else if (a.equals("--work-dir") && i + 1 < args.length) {
                workDir = Path.of(args[++i]);
            } else if (a.equals("--timeout") && i + 1 < args.length) {
                overrides.put("quickstart.timeoutSeconds", args[++i]);
            } else if (!a.isEmpty()) { // the Maven profile passes an empty argument when -Dquickstart.args is unset
                System.err.println("usage: QuickstartMain [--keep-running] [--work-dir DIR] [--timeout SECONDS]");
                return 2;
            }
        }
        try {
            boolean ownWorkDir = workDir == null;
            Path dir = ownWorkDir ? Files.createTempDirectory("ibmcos-quickstart") : workDir;
            try {
                return runIn(dir, overrides, keepRunning);
            } finally {
                if (ownWorkDir && !keepRunning) {
                    deleteTree(dir);
                }
            }
        } catch (Exception e) {
            System.err.println("ibmcos quickstart FAILED: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }

    private static int runIn(Path dir, Map<String, String> overrides, boolean keepRunning) throws Exception {
        try (CosTarget target = CosTarget.fromEnvironment(System.getenv());
                Quickstart quickstart = new Quickstart(target, dir, overrides)) {
            System.out.println("ibmcos quickstart: using " + target.description() + ", work directory " + dir);
            Summary summary = quickstart.run();
            System.out.println(summary.render());
            if (!summary.ok()) {
                return 1;
            }
            if (keepRunning) {
                System.out.println("Still running: drop files into " + quickstart.inbox()
                        + " (legal/... goes to the protected bucket) and watch the consumer report them. Ctrl-C stops.");
                awaitShutdown();
            }
            return 0;
        }
    }

    /** Blocks until Ctrl-C / SIGTERM; the try-with-resources above then stops Camel and the emulator. */
    private static void awaitShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                main.join(15_000); // let the resources close before the JVM halts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "quickstart-shutdown"));
        stop.await();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
