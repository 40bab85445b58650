package io.ibmcos.examples.quickstart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * What the quickstart did, and what it checked: a run with problems exits non-zero, so the printed summary can be
 * trusted (the example's integration test relies on the same checks).
 */
public record Summary(String target, String dataBucket, String legalBucket, int uploads, long uploadedBytes,
        QuickstartStats.LargeUpload largeUpload, int deliveries, int changedDeliveries, int legalHolds,
        String retentionSeconds, String legalHoldId, QuickstartStats.Listing listing, int pageSize,
        Duration elapsed, List<String> problems) {

    static Summary of(CosTarget target, CamelContext camel, QuickstartStats stats, Duration elapsed) {
        String data = Quickstart.property(camel, "quickstart.dataBucket");
        String legal = Quickstart.property(camel, "quickstart.legalBucket");
        int pageSize = Integer.parseInt(Quickstart.property(camel, "quickstart.listPageSize"));
        String changed = data + "/" + SampleInput.CHANGED_KEY;
        int firstPass = SampleInput.dataObjects() + SampleInput.legalObjects();

        List<String> problems = new ArrayList<>();
        expect(problems, stats.uploads() == firstPass + 1, "uploads: " + stats.uploads() + ", expected "
                + (firstPass + 1));
        expect(problems, stats.deliveriesTotal() == firstPass + 1, "deliveries: " + stats.deliveriesTotal()
                + ", expected " + (firstPass + 1));
        for (Map.Entry<String, Integer> d : stats.deliveries().entrySet()) {
            int expected = d.getKey().equals(changed) ? 2 : 1;
            expect(problems, d.getValue() == expected, d.getKey() + " delivered " + d.getValue() + " times, expected "
                    + expected);
        }
        expect(problems, stats.deliveries().size() == firstPass, "distinct objects delivered: "
                + stats.deliveries().size() + ", expected " + firstPass);
        expect(problems, stats.legalHolds() == SampleInput.legalObjects(), "legal holds: " + stats.legalHolds());
        var large = stats.largestUpload();
        expect(problems, large != null && large.parts() != null && large.parts() > 1,
                "the large file did not go through the multipart uploader: " + large);
        var listing = stats.lastListing();
        int expectedPages = (SampleInput.dataObjects() + pageSize - 1) / pageSize;
        expect(problems, listing != null && listing.objects() == SampleInput.dataObjects()
                && listing.pages() == expectedPages, "listing: " + listing + ", expected "
                        + SampleInput.dataObjects() + " objects in " + expectedPages + " pages");

        return new Summary(target.description(), data, legal, stats.uploads(), stats.uploadedBytes(), large,
                stats.deliveriesTotal(), stats.deliveriesOf(changed), stats.legalHolds(),
                Quickstart.property(camel, "quickstart.retentionSeconds"),
                Quickstart.property(camel, "quickstart.legalHoldId"), listing, pageSize, elapsed, List.copyOf(problems));
    }

    private static void expect(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("\n==== ibmcos quickstart summary ====\n");
        line(s, "target", target);
        line(s, "buckets", dataBucket + " (data), " + legalBucket
                + " (protection configuration: retention min 0 / default 1 / max 1 day)");
        line(s, "objects uploaded", uploads + " (" + (uploads - 1) + " files + 1 rewritten), " + uploadedBytes
                + " bytes");
        if (largeUpload != null) {
            line(s, "large upload", String.format("%s: %.1f MiB in %s parts (parallel uploader), %.2f s = %.1f MiB/s",
                    largeUpload.key(), largeUpload.bytes() / 1048576.0,
                    largeUpload.parts() == null ? "1 (single PUT)" : largeUpload.parts(), largeUpload.nanos() / 1e9,
                    largeUpload.mibPerSecond()));
        }
        line(s, "objects consumed", deliveries + " deliveries by the non-destructive consumers (" + (deliveries - 1)
                + " new objects once each + 1 changed)");
        line(s, "changed object", SampleInput.CHANGED_KEY + " delivered " + changedDeliveries
                + " times (once per ETag), nothing else re-delivered");
        line(s, "legal holds applied", legalHolds + " (hold '" + legalHoldId + "', retention " + retentionSeconds
                + " s) in " + legalBucket);
        if (listing != null) {
            line(s, "listing", listing.objects() + " objects, " + listing.bytes() + " bytes in " + listing.pages()
                    + " pages of maxKeys=" + pageSize + " (CamelIbmCosContinuationToken)");
        }
        line(s, "elapsed", String.format("%.1f s", elapsed.toMillis() / 1000.0));
        line(s, "result", problems.isEmpty() ? "OK" : "FAILED: " + String.join("; ", problems));
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format("%-20s: %s%n", label, value));
    }
}
