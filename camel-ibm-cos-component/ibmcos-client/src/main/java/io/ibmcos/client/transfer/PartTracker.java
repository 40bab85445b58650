package io.ibmcos.client.transfer;

import io.ibmcos.client.model.CompletedPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shared state of one multipart upload: completed parts, progress, and the first failure. When the first failure
 * is recorded, the threads still sending parts are interrupted so the upload can be aborted promptly.
 */
final class PartTracker {

    private final UploadProgress progress;
    private final PartPlan plan;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<CompletedPart> parts = new ArrayList<>();
    private final Set<Thread> sending = new HashSet<>();
    private long bytes;

    PartTracker(UploadProgress progress, PartPlan plan) {
        this.progress = progress;
        this.plan = plan;
    }

    boolean failed() {
        return failure.get() != null;
    }

    Throwable failure() {
        return failure.get();
    }

    /** Records the first failure (later ones are dropped) and interrupts the parts still in flight. */
    void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            synchronized (this) {
                for (Thread thread : sending) {
                    if (thread != Thread.currentThread()) {
                        thread.interrupt();
                    }
                }
            }
        }
    }

    /** A part starts sending on this thread; false when the upload already failed (skip the part). */
    synchronized boolean enter() {
        if (failed()) {
            return false;
        }
        sending.add(Thread.currentThread());
        return true;
    }

    /** The part on this thread is done; clears an interrupt meant for it so pooled threads stay clean. */
    void leave() {
        synchronized (this) {
            sending.remove(Thread.currentThread());
        }
        Thread.interrupted();
    }

    void completed(CompletedPart part, long length) {
        long total;
        int count;
        synchronized (this) {
            parts.add(part);
            bytes += length;
            total = bytes;
            count = parts.size();
        }
        progress.onProgress(total, count, plan.length(), plan.partCount());
    }

    synchronized List<CompletedPart> completedParts() {
        List<CompletedPart> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(CompletedPart::partNumber));
        return sorted;
    }

    synchronized int partCount() {
        return parts.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
