package io.ibmcos.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone runner: {@code java -jar ibmcos-emulator-runner.jar --port 9000 [--host H] [--data-dir DIR]
 * [--access-key K --secret-key S] [--api-key K] [--service-instance-id ID] [--token-ttl SECONDS]}. Prints where it
 * listens and which (test) credentials it accepts, then serves until SIGTERM/SIGINT.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CosEmulator.Builder b = CosEmulator.builder().port(9000);
        String accessKey = null;
        String secretKey = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    usage(System.out);
                    return;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--port" -> b.port(Integer.parseInt(v));
                    case "--host" -> b.host(v);
                    case "--data-dir" -> b.dataDir(Path.of(v));
                    case "--access-key" -> accessKey = v;
                    case "--secret-key" -> secretKey = v;
                    case "--api-key" -> b.apiKey(v);
                    case "--service-instance-id" -> b.serviceInstanceId(v);
                    case "--token-ttl" -> b.tokenTtl(Duration.ofSeconds(Long.parseLong(v)));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if ((accessKey == null) != (secretKey == null)) {
                throw new IllegalArgumentException("--access-key and --secret-key go together");
            }
            if (accessKey != null) {
                b.hmacCredentials(accessKey, secretKey);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("ibmcos-emulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        CosEmulator emulator = b.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "ibmcos-emulator-shutdown"));
        Credentials c = emulator.credentials();
        PrintStream out = System.out;
        out.println("ibmcos-emulator listening");
        out.println("  endpoint:            " + emulator.endpoint());
        out.println("  IAM token endpoint:  " + emulator.iamEndpoint());
        out.println("  HMAC access key:     " + c.accessKey());
        out.println("  HMAC secret key:     " + c.secretKey());
        out.println("  IAM API key:         " + c.apiKey());
        out.println("  service instance id: " + c.serviceInstanceId());
        out.println("  storage:             " + (emulator.dataDir() == null ? "in memory" : emulator.dataDir().toAbsolutePath()));
        out.println("  admin API:           " + emulator.endpoint().resolve("/_emulator/stats"));
        out.flush();
        stopped.await();
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar ibmcos-emulator-runner.jar [--port N (default 9000, 0 = random)] [--host H]"
                + " [--data-dir DIR] [--access-key K --secret-key S] [--api-key K] [--service-instance-id ID]"
                + " [--token-ttl SECONDS]");
    }
}
