package io.ibmcos.benchmarks.clients;

import io.ibmcos.benchmarks.servers.BenchServer;
import java.util.List;

/**
 * Creates clients from their command-line names: {@code ours} (4 parts in flight) or {@code ours:N}, {@code ibm}
 * (the SDK's default chunked encoding), {@code ibm-unchunked} (chunked encoding disabled) or {@code ibm-buffered}
 * (chunked encoding disabled, streams held in memory so the SDK can sign them), {@code aws} (Java multipart client) and
 * {@code aws-crt} (native CRT client), {@code camel} (our component through a route, 4 parts in
 * flight).
 */
public final class Clients {

    public static final List<String> NAMES = List.of("ours", "ours:N", "camel", "ibm", "ibm-unchunked", "ibm-buffered",
            "aws", "aws-crt");

    private Clients() {
    }

    public static UploadClient create(String name, BenchServer server) {
        if (name.equals("ours")) {
            return new OursClient(name, server, Settings.OUR_DEFAULT_CONCURRENCY);
        }
        if (name.startsWith("ours:")) {
            return new OursClient(name, server, Integer.parseInt(name.substring("ours:".length())));
        }
        return switch (name) {
            // chunked encoding on (the SDK default) was faster or level in a 1 GiB × 3 A/B against "ibm-unchunked"
            case "ibm" -> new IbmTransferManagerClient(name, server, true, false);
            case "ibm-unchunked" -> new IbmTransferManagerClient(name, server, false, false);
            case "ibm-buffered" -> new IbmTransferManagerClient(name, server, false, true);
            case "aws" -> new AwsTransferManagerClient(name, server, false);
            case "aws-crt" -> new AwsTransferManagerClient(name, server, true);
            case "camel" -> new CamelRouteClient(name, server, Settings.OUR_DEFAULT_CONCURRENCY);
            default -> throw new IllegalArgumentException("Unknown client '" + name + "'; use one of " + NAMES);
        };
    }

    /** True for our own uploader (the numerator of every ratio). */
    public static boolean isOurs(String name) {
        return name.equals("ours") || name.startsWith("ours:");
    }
}
