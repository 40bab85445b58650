package io.ibmcos.emulator.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Crash-safe file replacement: write to a temporary file in the same file system, fsync it, rename it over the
 * target, fsync the directory. A reader (or a restarted emulator) sees the old file or the new one, never a mix.
 */
final class AtomicFiles {
    private final Path tmpDir;

    AtomicFiles(Path tmpDir) {
        this.tmpDir = tmpDir;
    }

    Path newTempFile() {
        return tmpDir.resolve(UUID.randomUUID() + ".tmp");
    }

    void write(Path target, byte[] data) throws IOException {
        Path tmp = newTempFile();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        publish(tmp, target);
    }

    /** Renames an already fsynced temporary file onto {@code target} and makes the rename durable. */
    void publish(Path tmp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(target.getParent());
    }

    void delete(Path target) throws IOException {
        if (Files.deleteIfExists(target)) {
            syncDirectory(target.getParent());
        }
    }

    static void syncDirectory(Path dir) {
        // directory fsync makes renames/unlinks durable on Linux; other platforms may refuse it, which is harmless
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
