package io.ibmcos.camel.integration.aspera.standin;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Byte accounting of the stand-in: STATS after every chunk and on a timer, pacing to the {@code -l} target rate
 * (and an optional per-chunk delay), and the cancellation check between chunks.
 */
final class Progress implements AutoCloseable {

    /** CANCEL arrived on the management port. */
    static final class Cancelled extends IOException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("Cancelled by user");
        }
    }

    private final ManagementChannel mgmt;
    private final String sessionId;
    private final long startedNanos;
    private final long bytesPerSecond;
    private final long chunkDelayMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "standin-stats");
        t.setDaemon(true);
        return t;
    });
    private long bytes;
    private long fileBytes;

    Progress(ManagementChannel mgmt, String sessionId, long startedNanos, long bytesPerSecond, long chunkDelayMillis,
            long statsMillis) {
        this.mgmt = mgmt;
        this.sessionId = sessionId;
        this.startedNanos = startedNanos;
        this.bytesPerSecond = bytesPerSecond;
        this.chunkDelayMillis = chunkDelayMillis;
        timer.scheduleAtFixedRate(this::periodic, statsMillis, statsMillis, TimeUnit.MILLISECONDS);
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized void startFile(AscpStandIn.Item item) {
        fileBytes = 0;
    }

    /** Counts a chunk, reports it, then paces; throws when cancelled. */
    void chunk(int n) throws IOException {
        if (mgmt.cancelled) {
            throw new Cancelled();
        }
        synchronized (this) {
            bytes += n;
            fileBytes += n;
        }
        stats();
        pace();
        if (mgmt.cancelled) {
            throw new Cancelled();
        }
    }

    private void pace() throws IOException {
        try {
            if (chunkDelayMillis > 0) {
                Thread.sleep(chunkDelayMillis);
            }
            if (bytesPerSecond > 0) {
                long due = startedNanos + bytes() * 1_000_000_000L / bytesPerSecond;
                long wait = due - System.nanoTime();
                while (wait > 0 && !mgmt.cancelled) {
                    Thread.sleep(Math.min(50, wait / 1_000_000 + 1));
                    wait = due - System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    private void periodic() {
        try {
            stats();
        } catch (IOException e) {
            // management port gone; the transfer thread will notice
        }
    }

    private void stats() throws IOException {
        long b;
        long f;
        synchronized (this) {
            b = bytes;
            f = fileBytes;
        }
        long elapsedUsec = (System.nanoTime() - startedNanos) / 1000;
        mgmt.frame("STATS", "SessionId", sessionId, "TransferBytes", b, "StartByte", 0, "FileBytes", f,
                "Elapsedusec", elapsedUsec, "Rate", elapsedUsec == 0 ? 0 : b * 8_000 / Math.max(1, elapsedUsec),
                "Loss", 0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
