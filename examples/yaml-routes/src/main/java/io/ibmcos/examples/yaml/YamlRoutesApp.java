package io.ibmcos.examples.yaml;

import io.ibmcos.examples.quickstart.CosTarget;
import io.ibmcos.examples.quickstart.QuickstartStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Runs routes/ibmcos-flow.camel.yaml on a Camel Main: writes a few files into the inbox and waits until the YAML
 * routes uploaded them, consumed them and listed them in pages. The Java side only provides input and waits; all
 * the ibmcos: options and headers are in the YAML file.
 */
public final class YamlRoutesApp implements AutoCloseable {

    static final List<String> FILES = List.of("a.txt", "b.txt", "sub/c.txt");

    private final Main main = new Main();
    private final QuickstartStats stats = new QuickstartStats();
    private final Path staging;
    private final Path inbox;

    public YamlRoutesApp(CosTarget target, Path workDir) throws IOException {
        this.staging = Files.createDirectories(workDir.resolve("staging"));
        this.inbox = Files.createDirectories(workDir.resolve("inbox"));
        main.setPropertyPlaceholderLocations("classpath:yaml-routes.properties");
        main.bind("stats", stats);
        target.componentProperties().forEach(main::addOverrideProperty);
        main.addOverrideProperty("yaml.bucket", target.bucketPrefix() + "-yaml");
        main.addOverrideProperty("yaml.inbox", inbox.toString());
    }

    /** Returns the collector once every file was uploaded, consumed once and seen in a complete paged listing. */
    public QuickstartStats run() throws Exception {
        main.start();
        long timeout = Long.parseLong(camel().resolvePropertyPlaceholders("{{yaml.timeoutSeconds}}"));
        long deadline = System.nanoTime() + timeout * 1_000_000_000L;
        for (String name : FILES) {
            // written aside, then renamed: the file consumer never sees a half-written file
            Path tmp = Files.writeString(staging.resolve(name.replace('/', '_')), "yaml example " + name + "\n",
                    StandardCharsets.UTF_8);
            Path target = inbox.resolve(name);
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        int n = FILES.size();
        stats.await(n + " uploads and deliveries and a listing of all of them",
                () -> stats.uploads() == n && stats.deliveriesTotal() == n && stats.lastListing() != null
                        && stats.lastListing().objects() == n, deadline);
        return stats;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
