package io.ibmcos.benchmarks;

import io.ibmcos.benchmarks.clients.Clients;
import io.ibmcos.benchmarks.clients.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown printed at the end: throughput per server × client × source, ratios, targets, peak heap. */
final class Report {

    record Key(String server, String client, String source) {
    }

    /** Peak live heap of one of our uploads; {@code buffers} is what the uploader reported allocating. */
    record HeapRow(String client, int concurrency, String source, int buffers, long peakBytes) {
        long boundBytes() {
            return (concurrency + 1L) * Settings.PART_SIZE + 16L * 1024 * 1024;
        }
    }

    /** The target against the discard sink: 1 GB/s (decimal) in MiB/s. */
    static final double ONE_GB_PER_S_IN_MIB = 1e9 / 1048576.0;

    private final Options options;
    private final Map<Key, Stats> results;
    private final Map<String, String> descriptions;
    private final List<HeapRow> heap;
    private final String load;
    private final StringBuilder out = new StringBuilder();

    Report(Options options, Map<Key, Stats> results, Map<String, String> descriptions, List<HeapRow> heap,
            String load) {
        this.load = load;
        this.options = options;
        this.results = results;
        this.descriptions = descriptions;
        this.heap = heap;
    }

    String markdown() {
        String ours = options.clients().stream().filter(Clients::isOurs).findFirst().orElse(null);
        line("### Upload throughput: %d MiB per upload, %d round(s), MiB/s (median, min, max over the rounds)",
                options.size() >> 20, options.rounds());
        line("");
        line("%d cores, max heap %d MiB, Java %s; 1-minute load average %s.",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), load);
        line("");
        line("| server | client | source | median | min | max | n | %s ÷ client (median) | MiB per CPU-s |",
                ours == null ? "ours" : ours);
        line("|---|---|---|--:|--:|--:|--:|--:|--:|");
        for (Map.Entry<Key, Stats> e : results.entrySet()) {
            Key k = e.getKey();
            Stats s = e.getValue();
            if (s.count() == 0) {
                line("| %s | %s | %s | failed: %s | | | 0 | | |", k.server(), k.client(), k.source(),
                        s.failure() == null ? "no result" : s.failure().replace('|', '/'));
                continue;
            }
            String note = s.failure() != null ? " (then failed: " + s.failure().replace('|', '/') + ")" : "";
            line("| %s | %s | %s | %.1f%s | %.1f | %.1f | %d | %s | %.0f |", k.server(), k.client(), k.source(),
                    s.median(), note, s.min(), s.max(), s.count(), ratio(ours, k), s.medianPerCpuSecond());
        }
        line("");
        line("MiB per CPU-s: MiB uploaded per CPU second of the whole benchmark process (client, in-process server, "
                + "JIT, GC), median over the rounds; it is much less sensitive than MiB/s to other load on the "
                + "machine.");
        line("");
        targets(ours);
        heapTable();
        line("Clients:");
        descriptions.forEach((name, text) -> line("- `%s`: %s", name, text));
        line("");
        return out.toString();
    }

    private String ratio(String ours, Key k) {
        if (ours == null || k.client().equals(ours)) {
            return "";
        }
        double r = median(k.server(), ours, k.source()) / median(k.server(), k.client(), k.source());
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f×", r);
    }

    private double median(String server, String client, String source) {
        Stats s = results.get(new Key(server, client, source));
        return s == null || s.count() == 0 ? Double.NaN : s.median();
    }

    /** The throughput targets, checked on the medians of this run. */
    private void targets(String ours) {
        if (ours == null) {
            return;
        }
        line("Targets (medians of this run):");
        for (String server : options.servers()) {
            for (String source : options.sources()) {
                target(server, source, ours, "ibm", 2.0);
                target(server, source, ours, "aws", 1.5);
            }
        }
        double discardFile = median("discard", ours, "file");
        if (!Double.isNaN(discardFile)) {
            line("- discard / file: %s %.1f MiB/s = %.2f GB/s vs ≥ 1 GB/s (%.1f MiB/s): %s", ours, discardFile,
                    discardFile * 1048576 / 1e9, ONE_GB_PER_S_IN_MIB,
                    discardFile >= ONE_GB_PER_S_IN_MIB ? "met" : "NOT met");
        }
        line("");
    }

    private void target(String server, String source, String ours, String peer, double wanted) {
        double r = median(server, ours, source) / median(server, peer, source);
        if (!Double.isNaN(r)) {
            line("- %s / %s: %s ÷ %s = %.2f× vs ≥ %.1f×: %s", server, source, ours, peer, r, wanted,
                    r >= wanted ? "met" : "NOT met");
        }
    }

    private void heapTable() {
        if (heap.isEmpty()) {
            return;
        }
        line("Peak live heap of our uploader (%d MiB upload to the discard sink, full GC + sample every %d ms, minus "
                + "the live heap before the upload):", options.size() >> 20, HeapProbe.PERIOD_MILLIS);
        line("");
        line("| client | source | part buffers allocated | peak live heap | bound (c+1)×part+16 MiB | within |");
        line("|---|---|--:|--:|--:|---|");
        for (HeapRow h : heap) {
            line("| %s | %s | %d | %.1f MiB | %d MiB | %s |", h.client(), h.source(), h.buffers(),
                    h.peakBytes() / 1048576.0, h.boundBytes() >> 20, h.peakBytes() <= h.boundBytes() ? "yes" : "NO");
        }
        line("");
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
