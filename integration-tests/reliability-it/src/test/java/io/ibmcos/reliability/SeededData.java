package io.ibmcos.reliability;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A reproducible stream of pseudo-random bytes: the same (seed, length) always gives the same content, so a test can
 * upload gigabytes without keeping them and still know the SHA-256 they must come back with.
 */
final class SeededData extends InputStream {

    private final SplittableRandom random;
    private long left;
    private long word;
    private int wordLeft;

    SeededData(long seed, long length) {
        this.random = new SplittableRandom(seed);
        this.left = length;
    }

    static byte[] bytes(long seed, int length) {
        byte[] b = new byte[length];
        SeededData d = new SeededData(seed, length);
        int off = 0;
        while (off < length) {
            off += d.read(b, off, length - off);
        }
        return b;
    }

    static String sha256(long seed, long length) throws java.io.IOException {
        try (SeededData d = new SeededData(seed, length)) {
            return Campaign.sha256(d);
        }
    }

    @Override
    public int read() {
        if (left <= 0) {
            return -1;
        }
        left--;
        return next() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
            b[off + i] = next();
        }
        left -= n;
        return n;
    }

    private byte next() {
        if (wordLeft == 0) {
            word = random.nextLong();
            wordLeft = 8;
        }
        byte v = (byte) word;
        word >>>= 8;
        wordLeft--;
        return v;
    }
}
