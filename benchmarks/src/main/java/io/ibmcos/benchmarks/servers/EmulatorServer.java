package io.ibmcos.benchmarks.servers;

import io.ibmcos.emulator.CosEmulator;
import java.net.URI;

/** Our COS emulator, in memory: the benchmark deletes every object right after uploading it. */
final class EmulatorServer implements BenchServer {

    private final CosEmulator emulator;

    EmulatorServer() {
        emulator = CosEmulator.builder().host("127.0.0.1").port(0).start();
    }

    @Override
    public String name() {
        return "emulator";
    }

    @Override
    public URI endpoint() {
        return emulator.endpoint();
    }

    @Override
    public String accessKey() {
        return emulator.accessKey();
    }

    @Override
    public String secretKey() {
        return emulator.secretKey();
    }

    @Override
    public boolean discards() {
        return false;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
