package io.ibmcos.benchmarks.servers;

import java.util.List;

/** Starts a benchmark server by its command-line name. */
public final class Servers {

    public static final List<String> NAMES = List.of("emulator", "s3proxy", "discard");

    private Servers() {
    }

    public static BenchServer start(String name) {
        return switch (name) {
            case "emulator" -> new EmulatorServer();
            case "s3proxy" -> new S3ProxyServer();
            case "discard" -> DiscardSink.start();
            default -> throw new IllegalArgumentException("Unknown server '" + name + "'; use one of " + NAMES);
        };
    }
}
