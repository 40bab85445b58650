package io.ibmcos.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.emulator.CosEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "IBM Cloud" path of the quickstart (COS_ENDPOINT + HMAC variables), pointed at a separately started emulator
 * with its own keys: the variables reach the component, the buckets get a random prefix, and the scenario passes.
 */
class QuickstartEnvironmentIT {

    private static final String SECRET = "not/so+secret=key";

    @TempDir
    Path work;

    @Test
    void hmacVariablesDriveTheWholeScenario() throws Exception {
        try (CosEmulator cos = CosEmulator.builder().hmacCredentials("env-access-key", SECRET).start();
                CosTarget target = CosTarget.fromEnvironment(Map.of("COS_ENDPOINT", cos.endpoint().toString(),
                        "COS_ACCESS_KEY", "env-access-key", "COS_SECRET_KEY", SECRET));
                Quickstart quickstart = new Quickstart(target, work, Map.of("quickstart.largeFileMiB", "20"))) {
            assertThat(target.isEmulator()).isFalse();
            assertThat(target.description()).doesNotContain(SECRET);

            Summary summary = quickstart.run();

            assertThat(summary.problems()).isEmpty();
            assertThat(summary.dataBucket()).matches("ibmcos-quickstart-[0-9a-f]{8}-data");
            assertThat(summary.largeUpload().parts()).isEqualTo(3); // 20 MiB in 8 MiB parts
            assertThat(summary.render()).doesNotContain(SECRET);
            // HMAC only: the component never asked the emulator for an IAM token
            assertThat(cos.stats().count("IamToken")).isZero();
            assertThat(cos.stats().count("PutBucketProtectionConfiguration")).isEqualTo(1);
        }
    }
}
