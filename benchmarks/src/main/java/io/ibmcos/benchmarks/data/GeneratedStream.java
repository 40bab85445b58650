package io.ibmcos.benchmarks.data;

import java.io.InputStream;

/**
 * An unknown-length stream of {@code length} bytes generated on the fly by repeating one random block, so a 1 GiB
 * stream costs one block of memory. It reports nothing through {@link #available()}, like a socket or a pipe, so
 * clients cannot learn its length.
 */
public final class GeneratedStream extends InputStream {

    private final byte[] block;
    private final long length;
    private long position;

    public GeneratedStream(byte[] block, long length) {
        if (block.length == 0) {
            throw new IllegalArgumentException("empty block");
        }
        this.block = block;
        this.length = length;
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return block[(int) (position++ % block.length)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int start = (int) (position % block.length);
        // one copy per call, at most to the end of the block: callers loop (readNBytes does)
        int n = (int) Math.min(Math.min(len, block.length - start), length - position);
        System.arraycopy(block, start, b, off, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        // skipping would let a client jump over data it never sent; benchmarks must read every byte
        return 0;
    }

    @Override
    public int available() {
        return 0;
    }
}
