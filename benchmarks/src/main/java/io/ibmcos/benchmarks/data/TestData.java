package io.ibmcos.benchmarks.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The bytes every client uploads: a generated file of {@code size} bytes in a temporary folder (written once, read
 * by all clients, so the page cache serves it equally to each) and, for stream runs, a fresh
 * {@link GeneratedStream} of the same size and content.
 */
public final class TestData implements AutoCloseable {

    /** Big enough that no client can profit from repetition at the part level (parts are 5 MiB or more). */
    private static final int BLOCK = 7 * 1024 * 1024 + 13;

    private final long size;
    private final byte[] block;
    private final Path dir;
    private final Path file;

    private TestData(long size, byte[] block, Path dir, Path file) {
        this.size = size;
        this.block = block;
        this.dir = dir;
        this.file = file;
    }

    public static TestData create(long size) throws IOException {
        byte[] block = new byte[BLOCK];
        new Random(20261129L).nextBytes(block);
        Path dir = Files.createTempDirectory("ibmcos-bench-");
        Path file = dir.resolve("data-" + size + ".bin");
        write(block, size, file);
        return new TestData(size, block, dir, file);
    }

    public long size() {
        return size;
    }

    public Path file() {
        return file;
    }

    /** A new unknown-length stream with the file's content. */
    public InputStream stream() {
        return new GeneratedStream(block, size);
    }

    /** A smaller stream, e.g. for warm-up runs. */
    public InputStream stream(long length) {
        return new GeneratedStream(block, length);
    }

    /** The file, or for another length (e.g. a warm-up) a file of that length, written on first use. */
    public synchronized Path file(long length) throws IOException {
        if (length == size) {
            return file;
        }
        Path other = dir.resolve("data-" + length + ".bin");
        if (!Files.exists(other)) {
            write(block, length, other);
        }
        return other;
    }

    private static void write(byte[] block, long length, Path target) throws IOException {
        try (InputStream in = new GeneratedStream(block, length); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
