package io.ibmcos.camel.integration.aspera.standin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The stand-in's side of the management port: writes FASPMGR 2 frames, listens for CANCEL. */
final class ManagementChannel implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    volatile boolean cancelled;

    ManagementChannel(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readCommands, "standin-commands");
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes one frame; {@code kv} alternates keys and values. */
    synchronized void frame(String type, Object... kv) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Type", type);
        for (int i = 0; i < kv.length; i += 2) {
            fields.put((String) kv[i], kv[i + 1]);
        }
        StringBuilder sb = new StringBuilder("FASPMGR 2\n");
        fields.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void readCommands() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("Type: CANCEL")) {
                    cancelled = true;
                }
            }
        } catch (IOException e) {
            // controller went away
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
