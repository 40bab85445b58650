package io.ibmcos.client.aspera;

import java.util.Locale;

/**
 * The spec edits IBM's SDKs offer ({@code AsperaConfig}), applied to an ATS transfer spec before execution. Unset
 * values (null) leave the field ATS returned unchanged; unlike IBM's Java SDK this never overwrites a rate with 0.
 *
 * @param targetRateMbps          {@code target_rate_kbps} = value x 1000
 * @param minRateMbps             {@code min_rate_kbps} = value x 1000
 * @param ratePolicy              {@code fixed}, {@code high}, {@code fair} or {@code low}
 * @param multiSession            number of ascp sessions (1 = one process); ignored when {@code multiSessionAll}
 * @param multiSessionAll         IBM's {@code "all"}: {@code multi_session=0} and the {@code -all} host rewrite, so
 *                                the name resolves to every ATS node
 * @param multiSessionThresholdMb files at least this large are split between sessions (MB, at least 60)
 * @param destinationRoot         {@code destination_root}, when not empty
 */
public record AsperaSpecOptions(Integer targetRateMbps, Integer minRateMbps, String ratePolicy, Integer multiSession,
        boolean multiSessionAll, Integer multiSessionThresholdMb, String destinationRoot) {

    /** IBM's SDKs reject thresholds below this (MB). */
    public static final int MIN_THRESHOLD_MB = 60;

    public static final AsperaSpecOptions NONE = new AsperaSpecOptions(null, null, null, null, false, null, null);

    public AsperaSpecOptions {
        if (targetRateMbps != null && targetRateMbps < 1) {
            throw new IllegalArgumentException("Aspera target rate must be at least 1 Mbps, was " + targetRateMbps);
        }
        if (minRateMbps != null && minRateMbps < 0) {
            throw new IllegalArgumentException("Aspera minimum rate must not be negative, was " + minRateMbps);
        }
        if (targetRateMbps != null && minRateMbps != null && minRateMbps > targetRateMbps) {
            throw new IllegalArgumentException("Aspera minimum rate (" + minRateMbps + " Mbps) exceeds the target rate ("
                    + targetRateMbps + " Mbps)");
        }
        if (ratePolicy != null) {
            ratePolicy = ratePolicy.strip().toLowerCase(Locale.ROOT);
            if (!ratePolicy.matches("fixed|high|fair|low")) {
                throw new IllegalArgumentException("Aspera rate policy must be fixed, high, fair or low, was "
                        + ratePolicy);
            }
        }
        if (multiSession != null && (multiSession < 1 || multiSession > 128)) {
            throw new IllegalArgumentException("Aspera multi-session must be between 1 and 128 (or all), was "
                    + multiSession);
        }
        if (multiSessionThresholdMb != null && multiSessionThresholdMb < MIN_THRESHOLD_MB) {
            throw new IllegalArgumentException("Aspera multi-session threshold must be at least " + MIN_THRESHOLD_MB
                    + " MB, was " + multiSessionThresholdMb);
        }
    }

    /** Parses {@code "all"} or a session count for {@link #withMultiSession}. */
    public AsperaSpecOptions withMultiSession(String value) {
        if (value == null || value.isBlank()) {
            return new AsperaSpecOptions(targetRateMbps, minRateMbps, ratePolicy, null, false,
                    multiSessionThresholdMb, destinationRoot);
        }
        if ("all".equalsIgnoreCase(value.strip())) {
            return new AsperaSpecOptions(targetRateMbps, minRateMbps, ratePolicy, null, true, multiSessionThresholdMb,
                    destinationRoot);
        }
        try {
            return new AsperaSpecOptions(targetRateMbps, minRateMbps, ratePolicy, Integer.parseInt(value.strip()),
                    false, multiSessionThresholdMb, destinationRoot);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Aspera multi-session must be a number of sessions or all, was " + value,
                    e);
        }
    }

    /** Applies the set values to {@code spec} (in place) and returns it. */
    public TransferSpec applyTo(TransferSpec spec) {
        var json = spec.json();
        if (targetRateMbps != null) {
            json.put("target_rate_kbps", targetRateMbps * 1000L);
        }
        if (minRateMbps != null) {
            json.put("min_rate_kbps", minRateMbps * 1000L);
        }
        if (ratePolicy != null) {
            json.put("rate_policy", ratePolicy);
        }
        if (multiSessionAll) {
            json.put("multi_session", 0);
            if (spec.remoteHost() != null) {
                json.put("remote_host", allNodesHost(spec.remoteHost()));
            }
        } else if (multiSession != null) {
            json.put("multi_session", multiSession);
        }
        if (multiSessionThresholdMb != null) {
            json.put("multi_session_threshold", multiSessionThresholdMb * 1_000_000L);
        }
        if (destinationRoot != null && !destinationRoot.isEmpty()) {
            json.put("destination_root", destinationRoot);
        }
        return spec;
    }

    /** {@code ats-sl-fra.aspera.io} → {@code ats-sl-fra-all.aspera.io}: {@code -all} after the first DNS label. */
    static String allNodesHost(String host) {
        int dot = host.indexOf('.');
        if (dot < 0) {
            return host + "-all";
        }
        String first = host.substring(0, dot);
        return first.endsWith("-all") ? host : first + "-all" + host.substring(dot);
    }
}
