package io.ibmcos.examples.yaml;

import io.ibmcos.examples.quickstart.CosTarget;
import io.ibmcos.examples.quickstart.QuickstartStats;
import java.nio.file.Files;

/** Runs the YAML example once (embedded emulator unless COS_ENDPOINT is set) and exits 0, or 1 with the reason. */
public final class YamlRoutesMain {

    private YamlRoutesMain() {
    }

    public static void main(String[] args) {
        int code;
        try (CosTarget target = CosTarget.fromEnvironment(System.getenv());
                YamlRoutesApp app = new YamlRoutesApp(target, Files.createTempDirectory("ibmcos-yaml"))) {
            System.out.println("ibmcos YAML routes: using " + target.description());
            QuickstartStats stats = app.run();
            System.out.println("\n==== ibmcos YAML routes: " + stats.uploads() + " files uploaded, "
                    + stats.deliveriesTotal() + " objects consumed, listed " + stats.lastListing().objects()
                    + " objects in " + stats.lastListing().pages() + " pages ====\n");
            code = 0;
        } catch (Exception e) {
            System.err.println("ibmcos YAML routes FAILED: " + e.getMessage());
            e.printStackTrace(System.err);
            code = 1;
        }
        System.exit(code);
    }
}
