package io.ibmcos.client.transfer;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A blocking pool of at most {@code capacity} part buffers, allocated on first need and reused. This is the hard
 * memory bound of a stream upload: {@code capacity × bufferSize}, whatever the stream's length.
 */
final class BufferPool {

    private final int capacity;
    private final int bufferSize;
    private final Deque<byte[]> free = new ArrayDeque<>();
    private int allocated;

    BufferPool(int capacity, int bufferSize) {
        this.capacity = capacity;
        this.bufferSize = bufferSize;
    }

    /** A buffer, waiting while all {@code capacity} buffers are in use. */
    synchronized byte[] acquire() throws InterruptedException {
        while (free.isEmpty() && allocated >= capacity) {
            wait();
        }
        if (!free.isEmpty()) {
            return free.pop();
        }
        allocated++;
        return new byte[bufferSize];
    }

    synchronized void release(byte[] buffer) {
        free.push(buffer);
        notifyAll();
    }

    /** Buffers created so far (never more than the capacity). */
    synchronized int allocated() {
        return allocated;
    }
}
