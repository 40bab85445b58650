package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.emulator.EmulatorMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The standalone emulator in a forked JVM is killed with SIGKILL while a large PUT streams in; after a restart on the
 * same data directory the object is either absent or complete, never torn. Also checks the runner's banner and its
 * clean stop on SIGTERM.
 */
class TornWriteIT {
    static final long SIZE = 256L * 1024 * 1024;

    record Running(Process process, URI endpoint, List<String> banner) {
    }

    static Running launch(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port", "0", "--data-dir", dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> banner = new ArrayList<>();
        URI endpoint = null;
        String line;
        while ((line = out.readLine()) != null) {
            banner.add(line);
            if (line.trim().startsWith("endpoint:")) {
                endpoint = URI.create(line.substring(line.indexOf("http")).trim());
            }
            if (line.trim().startsWith("admin API:")) {
                break;
            }
        }
        assertThat(endpoint).as("emulator banner %s", banner).isNotNull();
        return new Running(p, endpoint, banner);
    }

    /** Deterministic pseudo-random bytes, generated on the fly so the test needs no 256 MiB array. */
    static InputStream pattern(long size) {
        return new InputStream() {
            long pos;
            long state = 0x9E3779B97F4A7C15L;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) state;
                }
                pos += n;
                return n;
            }
        };
    }

    static byte[] sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0;) {
            md.update(buf, 0, n);
        }
        return md.digest();
    }

    static long tmpBytes(Path dataDir) throws IOException {
        try (Stream<Path> s = Files.list(dataDir.resolve("tmp"))) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void killDuringLargePutLeavesObjectAbsentOrWhole(@TempDir Path dataDir) throws Exception {
        Running first = launch(dataDir);
        assertThat(String.join("\n", first.banner())).contains("ibmcos-access-key").contains("ibmcos-secret-key")
                .contains("ibmcos-api-key").contains("/identity/token");
        CompletableFuture<?> upload;
        try (S3Client s3 = AwsSdk.client(first.endpoint(), "ibmcos-access-key", "ibmcos-secret-key")) {
            s3.createBucket(b -> b.bucket("torn"));
            s3.putObject(b -> b.bucket("torn").key("before"), RequestBody.fromString("committed before the crash"));
            upload = CompletableFuture.runAsync(() -> s3.putObject(b -> b.bucket("torn").key("big"),
                    RequestBody.fromInputStream(pattern(SIZE), SIZE)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tmpBytes(dataDir) < 32L * 1024 * 1024 && !upload.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            upload.handle((r, e) -> null).get(60, TimeUnit.SECONDS);
        }

        Running second = launch(dataDir);
        try (S3Client s3 = AwsSdk.client(second.endpoint(), "ibmcos-access-key", "ibmcos-secret-key")) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("torn").key("before")).asUtf8String())
                    .isEqualTo("committed before the crash");
            byte[] expected = sha256(pattern(SIZE));
            try (InputStream in = s3.getObject(b -> b.bucket("torn").key("big"))) {
                assertThat(sha256(in)).as("a visible object must be complete").isEqualTo(expected);
            } catch (S3Exception e) {
                assertThat(e.statusCode()).as("otherwise the object must be absent").isEqualTo(404);
            }
            assertThat(tmpBytes(dataDir)).as("partial writes are cleaned on start").isZero();
        } finally {
            second.process().destroy();
            assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).as("SIGTERM stops the runner").isTrue();
        }
    }
}
