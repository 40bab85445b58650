package io.ibmcos.examples.quickstart;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Runs the quickstart scenario on a Camel Main: set up the buckets, drop the sample input into the inbox, wait until
 * everything was uploaded and consumed, rewrite one file and wait until it was consumed once more (and then for two
 * idle polls, which shows nothing else is delivered again), then wait for one paged listing. Used by
 * {@link QuickstartMain} and by the example's integration test.
 */
public final class Quickstart implements AutoCloseable {

    private final CosTarget target;
    private final SampleInput input;
    private final QuickstartStats stats = new QuickstartStats();
    private final Main main = new Main();

    /** @param overrides properties that win over application.properties (tests use them to shrink the run) */
    public Quickstart(CosTarget target, Path workDir, Map<String, String> overrides) throws IOException {
        this.target = target;
        this.input = new SampleInput(workDir);
        main.configure().addRoutesBuilder(new QuickstartRoutes(stats));
        target.componentProperties().forEach(main::addOverrideProperty);
        main.addOverrideProperty("quickstart.bucketPrefix", target.bucketPrefix());
        main.addOverrideProperty("quickstart.inbox", input.inbox().toString());
        overrides.forEach(main::addOverrideProperty);
    }

    public Summary run() throws Exception {
        long started = System.nanoTime();
        main.start();
        CamelContext camel = main.getCamelContext();
        Duration timeout = Duration.ofSeconds(Long.parseLong(property(camel, "quickstart.timeoutSeconds")));
        long deadline = started + timeout.toNanos();
        String dataBucket = property(camel, "quickstart.dataBucket");

        camel.createProducerTemplate().sendBody("direct:setup", null);
        stats.await("the buckets", () -> true, deadline); // fails if the setup route failed

        input.writeFirstPass(Integer.parseInt(property(camel, "quickstart.largeFileMiB")));
        for (String route : new String[] { "inbox", "data-consumer", "legal-consumer" }) {
            camel.getRouteController().startRoute(route);
        }
        int firstPass = SampleInput.dataObjects() + SampleInput.legalObjects();
        stats.await(firstPass + " uploads, legal holds and deliveries",
                () -> stats.uploads() == firstPass && stats.deliveriesTotal() >= firstPass
                        && stats.legalHolds() == SampleInput.legalObjects(), deadline);

        input.rewriteChangedFile();
        String changed = dataBucket + "/" + SampleInput.CHANGED_KEY;
        stats.await("the changed object's second delivery, then two idle polls",
                () -> stats.uploads() == firstPass + 1 && stats.deliveriesOf(changed) >= 2
                        && stats.idlePollsSinceLastDelivery() >= 2, deadline);

        camel.getRouteController().startRoute("lister");
        stats.await("a paged listing", () -> stats.listings() >= 1, deadline);

        return Summary.of(target, camel, stats, Duration.ofNanos(System.nanoTime() - started));
    }

    /** For --keep-running: the routes go on (inbox, consumers, periodic listing) until the JVM is stopped. */
    public Path inbox() {
        return input.inbox();
    }

    static String property(CamelContext camel, String key) {
        return camel.resolvePropertyPlaceholders("{{" + key + "}}");
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }

    /** Exposed for tests that wait on more than the summary. */
    QuickstartStats stats() {
        return stats;
    }
}
