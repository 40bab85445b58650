package io.ibmcos.client.transfer;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A blocking pool of at most {@code capacity} part buffers, allocated on first need and reused. This is the hard
 * memory bound of a stream upload: {@code capacity × partSize}, whatever the stream's length.
 *
 * <p>A buffer is a set of {@link #SEGMENT_SIZE} arrays rather than one part-sized array: the JVM's G1 collector
 * stores arrays above half a heap region as "humongous" objects rounded up to whole regions, which made a 16 MiB
 * part take up to 20 MiB; 256 KiB segments are never humongous.
 */
final class BufferPool {

    static final int SEGMENT_SIZE = 256 * 1024;

    private final int capacity;
    private final int segmentsPerBuffer;
    private final Deque<byte[][]> free = new ArrayDeque<>();
    private int allocated;

    BufferPool(int capacity, long bufferSize) {
        this.capacity = capacity;
        this.segmentsPerBuffer = (int) Math.max(1, (bufferSize + SEGMENT_SIZE - 1) / SEGMENT_SIZE);
    }

    /** A buffer, waiting while all {@code capacity} buffers are in use. */
    synchronized byte[][] acquire() throws InterruptedException {
        while (free.isEmpty() && allocated >= capacity) {
            wait();
        }
        if (!free.isEmpty()) {
            return free.pop();
        }
        allocated++;
        byte[][] buffer = new byte[segmentsPerBuffer][];
        for (int i = 0; i < segmentsPerBuffer; i++) {
            buffer[i] = new byte[SEGMENT_SIZE];
        }
        return buffer;
    }

    synchronized void release(byte[][] buffer) {
        free.push(buffer);
        notifyAll();
    }

    /** Buffers created so far (never more than the capacity). */
    synchronized int allocated() {
        return allocated;
    }
}
