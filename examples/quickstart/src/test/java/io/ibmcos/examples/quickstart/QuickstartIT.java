package io.ibmcos.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command 1 in-process: the whole quickstart scenario against the embedded emulator, with the
 * shipped application.properties (48 MiB large file, 8 MiB parts). If a component change breaks the main job,
 * this fails with the summary's own list of problems.
 */
class QuickstartIT {

    @TempDir
    Path work;

    @Test
    void theQuickstartCompletesAndItsSummaryAddsUp() throws Exception {
        Summary summary;
        try (CosTarget target = CosTarget.embeddedEmulator();
                Quickstart quickstart = new Quickstart(target, work, Map.of())) {
            summary = quickstart.run();

            QuickstartStats stats = quickstart.stats();
            assertThat(stats.deliveries()).hasSize(8).allSatisfy((object, times) -> assertThat(times)
                    .as(object).isEqualTo(object.endsWith(SampleInput.CHANGED_KEY) ? 2 : 1));
        }
        System.out.println(summary.render());

        assertThat(summary.problems()).isEmpty();
        assertThat(summary.ok()).isTrue();
        assertThat(summary.target()).contains("embedded COS emulator");
        assertThat(summary.uploads()).isEqualTo(9); // 8 files + the rewritten one
        assertThat(summary.deliveries()).isEqualTo(9);
        assertThat(summary.changedDeliveries()).isEqualTo(2);
        assertThat(summary.legalHolds()).isEqualTo(2);
        assertThat(summary.largeUpload().key()).isEqualTo(SampleInput.LARGE_KEY);
        assertThat(summary.largeUpload().bytes()).isEqualTo(48L << 20);
        assertThat(summary.largeUpload().parts()).isEqualTo(6); // 48 MiB in 8 MiB parts: the parallel uploader
        assertThat(summary.listing().objects()).isEqualTo(6);
        assertThat(summary.listing().pages()).isEqualTo(3); // maxKeys=2, continuation tokens followed
        assertThat(summary.render()).contains("result              : OK");
        // every file was uploaded and removed from the inbox (file consumer delete=true)
        try (var left = Files.walk(work.resolve("inbox"))) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
