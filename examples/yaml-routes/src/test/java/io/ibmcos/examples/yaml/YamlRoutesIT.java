package io.ibmcos.examples.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.examples.quickstart.CosTarget;
import io.ibmcos.examples.quickstart.QuickstartStats;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML example against the embedded emulator: options and headers written in YAML reach COS. */
class YamlRoutesIT {

    @TempDir
    Path work;

    @Test
    void yamlRoutesUploadConsumeOnceAndListInPages() throws Exception {
        try (CosTarget target = CosTarget.embeddedEmulator(); YamlRoutesApp app = new YamlRoutesApp(target, work)) {
            QuickstartStats stats = app.run();

            assertThat(stats.uploads()).isEqualTo(3);
            assertThat(stats.deliveries()).hasSize(3).allSatisfy((object, times) -> assertThat(times).isEqualTo(1));
            assertThat(stats.deliveries()).containsKey("quickstart-yaml/incoming/sub/c.txt");
            // 3 objects with maxKeys 2 (a placeholder in YAML): two pages, the continuation token followed
            assertThat(stats.lastListing().objects()).isEqualTo(3);
            assertThat(stats.lastListing().pages()).isEqualTo(2);

            // the content headers set in the YAML upload route are on the stored object
            Exchange head = app.camel().createProducerTemplate().send("ibmcos:quickstart-yaml?operation=headObject",
                    e -> e.getMessage().setHeader("CamelIbmCosKey", "incoming/a.txt"));
            assertThat(head.getException()).isNull();
            assertThat(head.getMessage().getHeader("CamelIbmCosContentType")).isEqualTo("text/plain");
            assertThat(head.getMessage().getHeader("CamelIbmCosCacheControl")).isEqualTo("max-age=60");
        }
    }
}
