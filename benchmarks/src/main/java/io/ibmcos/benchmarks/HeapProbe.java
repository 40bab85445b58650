package io.ibmcos.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak live heap of an action, sampled: a daemon thread forces a full GC every {@link #PERIOD_MILLIS} and reads
 * the heap in use right after it, so garbage (which a young generation of gigabytes would otherwise hold for a
 * long time) does not count, only what is still referenced. The result is the highest sample minus the live heap
 * before the action. It suits our uploader because its part buffers are pooled and live for the whole upload,
 * so a sample every few hundred milliseconds cannot miss them; it slows the action down, which is why it is a
 * separate untimed run against the discard sink (a server in the same JVM that keeps objects would count too).
 */
final class HeapProbe {

    static final long PERIOD_MILLIS = 100;
    /** Bounds the sampler even if the action never returns (1 hour at the period). */
    private static final int MAX_SAMPLES = 36_000;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** Bytes of heap the action held at its sampled peak, beyond what was live before it. */
    long peakLiveBytes(ThrowingRunnable action) throws Exception {
        long baseline = liveHeap();
        long[] peak = {baseline};
        Thread sampler = new Thread(() -> {
            for (int i = 0; i < MAX_SAMPLES && !Thread.currentThread().isInterrupted(); i++) {
                long live = liveHeap();
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], live);
                }
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-probe");
        sampler.setDaemon(true);
        sampler.start();
        try {
            action.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        synchronized (peak) {
            return Math.max(0, peak[0] - baseline);
        }
    }

    private long liveHeap() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
