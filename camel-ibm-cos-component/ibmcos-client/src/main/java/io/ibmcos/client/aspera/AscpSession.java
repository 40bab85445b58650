package io.ibmcos.client.aspera;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One ascp process of a transfer: listens on a loopback management port, spawns ascp with {@code -M <port>},
 * reads its frames until the socket closes, and reports them to the transfer. Success means the last frame was
 * DONE and ascp exited 0. {@link #cancel} escalates: CANCEL frame, then {@link Process#destroy()}, then
 * {@link Process#destroyForcibly()}, because ascp ignores CANCEL and SIGTERM while its session is being set up.
 */
final class AscpSession {

    private static final System.Logger LOG = System.getLogger(AscpSession.class.getName());
    private static final int STDERR_TAIL = 2048;

    /** How the session ended. */
    record Result(boolean success, int code, String description) {
    }

    /** Receives this session's frames. */
    interface FrameSink {
        void frame(AscpSession session, ManagementFrame frame);
    }

    private final int index;
    private final AscpEngine.Settings settings;
    private final Path ascp;
    private final TransferSpec spec;
    private final String transferId;
    private final int sessions;
    private final Path fileList;
    private final FrameSink sink;

    private final Object lock = new Object();
    private Process process; // guarded by lock
    private Socket socket; // guarded by lock
    private boolean cancelled; // guarded by lock
    private final StringBuilder stderr = new StringBuilder();
    private String lastType = "";
    private ManagementFrame lastError;

    AscpSession(int index, AscpEngine.Settings settings, Path ascp, TransferSpec spec, String transferId,
            int sessions, Path fileList, FrameSink sink) {
        this.index = index;
        this.settings = settings;
        this.ascp = ascp;
        this.spec = spec;
        this.transferId = transferId;
        this.sessions = sessions;
        this.fileList = fileList;
        this.sink = sink;
    }

    int index() {
        return index;
    }

    /** The process id while or after ascp ran, else -1. */
    long pid() {
        synchronized (lock) {
            return process == null ? -1 : process.pid();
        }
    }

    /** Runs ascp to its end (the caller holds a concurrency slot). */
    Result run() {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AscpCommand.Built built = AscpCommand.build(ascp, spec, transferId, index, sessions,
                    server.getLocalPort(), fileList, settings.sshKey());
            LOG.log(System.Logger.Level.DEBUG, "Transfer {0} session {1}/{2}: {3}", transferId, index, sessions,
                    Redaction.argv(built.argv()));
            Process p = spawn(built);
            if (p == null) {
                return cancelledResult();
            }
            Socket s = accept(server, p);
            if (s == null) {
                int exit = waitFor(p);
                boolean wasCancelled = isCancelled();
                return wasCancelled ? cancelledResult() : new Result(false, 0, "ascp exited with status " + exit
                        + " before connecting to the management port" + stderrTail());
            }
            read(s);
            int exit = waitFor(p);
            if ("DONE".equals(lastType) && exit == 0) {
                return new Result(true, 0, null);
            }
            if (lastError != null) {
                return new Result(false, (int) lastError.number("Code", 0), lastError.get("Description"));
            }
            if (isCancelled()) {
                return cancelledResult();
            }
            return new Result(false, 0, "ascp exited with status " + exit + " after " + (lastType.isEmpty()
                    ? "no event" : "event " + lastType) + stderrTail());
        } catch (IOException e) {
            return isCancelled() ? cancelledResult() : new Result(false, 0, "ascp session failed: " + e);
        } finally {
            closeSocket();
        }
    }

    private Process spawn(AscpCommand.Built built) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(built.argv());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ASPERA_SCP_")); // only what this spec says
        env.putAll(settings.extraEnvironment());
        env.putAll(built.environment());
        pb.redirectErrorStream(true);
        Process started;
        synchronized (lock) {
            if (cancelled) {
                return null;
            }
            started = pb.start();
            process = started;
        }
        Thread drain = new Thread(() -> drain(started.getInputStream()), "ascp-output-" + transferId + "-" + index);
        drain.setDaemon(true);
        drain.start();
        return started;
    }

    /** Waits for ascp to connect; null when it exited first, was cancelled, or did not connect in time. */
    private Socket accept(ServerSocket server, Process p) throws IOException {
        server.setSoTimeout(200);
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Socket s = server.accept();
                synchronized (lock) {
                    socket = s;
                    if (cancelled) {
                        sendCancel();
                    }
                }
                return s;
            } catch (SocketTimeoutException e) {
                if (!p.isAlive() || isCancelled()) {
                    return null;
                }
            }
        }
        LOG.log(System.Logger.Level.WARNING, "ascp did not connect to its management port within {0}; stopping it",
                settings.connectTimeout());
        terminate(p);
        return null;
    }

    private void read(Socket s) throws IOException {
        ManagementParser parser = new ManagementParser(this::onFrame);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                parser.line(line);
            }
        } catch (IOException e) {
            if (!isCancelled()) {
                LOG.log(System.Logger.Level.DEBUG, "Management stream of {0} ended: {1}", transferId, e.toString());
            }
        }
        parser.end();
    }

    private void onFrame(ManagementFrame frame) {
        lastType = frame.type();
        if ("ERROR".equals(lastType)) {
            lastError = frame;
        }
        sink.frame(this, frame);
    }

    /** CANCEL frame, then destroy, then destroyForcibly, each after {@code grace}; returns when ascp is gone. */
    void cancel() {
        Process p;
        synchronized (lock) {
            if (cancelled && process == null) {
                return;
            }
            cancelled = true;
            sendCancel();
            p = process;
        }
        if (p != null) {
            terminate(p);
        }
    }

    private void terminate(Process p) {
        Duration grace = settings.cancelGrace();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroy();
                if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "ascp {0} ignored CANCEL and SIGTERM; killing it", p.pid());
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor();
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void sendCancel() {
        if (socket == null) {
            return;
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(ManagementFrame.command("CANCEL").encode().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // ascp already closed its side; destroy() follows
        }
    }

    private boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    private Result cancelledResult() {
        return new Result(false, AscpErrors.CANCELLED, "Transfer cancelled");
    }

    private int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        }
    }

    private void closeSocket() {
        synchronized (lock) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (stderr) {
                    stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > STDERR_TAIL) {
                        stderr.delete(0, stderr.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // process gone
        }
    }

    private String stderrTail() {
        synchronized (stderr) {
            String tail = stderr.toString().strip();
            return tail.isEmpty() ? "" : "; ascp said: " + tail;
        }
    }
}
