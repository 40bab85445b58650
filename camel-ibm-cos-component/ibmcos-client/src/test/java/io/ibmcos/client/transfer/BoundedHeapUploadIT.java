package io.ibmcos.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.emulator.CosEmulator;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GiB stream of unknown length uploaded by a JVM limited to 128 MiB of heap: with 16 MiB parts and 4 in
 * flight the uploader needs at most 5 buffers (80 MiB), so it completes, and the stored object hashes to the source.
 * The emulator stores on disk here, in this JVM, so the object itself never has to fit in any heap.
 */
class BoundedHeapUploadIT {

    private static final long SIZE = 2L * 1024 * 1024 * 1024;

    @Test
    void twoGibStreamUploadsWithA128MibHeap(@TempDir Path dataDir) throws Exception {
        try (CosEmulator emulator = CosEmulator.builder().port(0).dataDir(dataDir).start();
                DefaultCosClient client = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                        .credentials(new HmacCredentials(emulator.accessKey(), emulator.secretKey())).build())) {
            client.createBucket(CreateBucketRequest.of("heap-bound"));
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    BoundedHeapUploadMain.class.getName(), emulator.endpoint().toString(), emulator.accessKey(),
                    emulator.secretKey(), "heap-bound", "two-gib.bin", Long.toString(SIZE),
                    Long.toString(16L * 1024 * 1024), "4"))
                    .redirectErrorStream(true).start();
            Map<String, String> out = new HashMap<>();
            StringBuilder log = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line).append('\n');
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        out.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(log.toString()).isZero();
            assertThat(Long.parseLong(out.get("MAXHEAP"))).isLessThanOrEqualTo(128L * 1024 * 1024);
            assertThat(out.get("PARTS")).isEqualTo("128");
            assertThat(Integer.parseInt(out.get("BUFFERS"))).isLessThanOrEqualTo(5);

            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (GetObjectResponse get = client.getObject(GetObjectRequest.of("heap-bound", "two-gib.bin"));
                    InputStream in = get.content()) {
                byte[] buf = new byte[1 << 20];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                    total += n;
                }
            }
            assertThat(total).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(out.get("SHA256"));
        }
    }
}
