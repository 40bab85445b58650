package io.ibmcos.client.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * The body of an upload. A payload knows its length when it can (COS rejects chunked transfer-encoding, so a
 * single PUT needs a length) and whether it can be sent again, which decides if a failed request may be retried.
 */
public sealed interface Payload permits Payload.Bytes, Payload.Segments, Payload.FileRegion, Payload.Stream {

    /** Length in bytes, or -1 when unknown. */
    long length();

    /** True when {@link #open()} can be called again after a failed attempt. */
    boolean replayable();

    /** A fresh stream over the content (for {@link Stream} the one stream it wraps). */
    InputStream open() throws IOException;

    static Payload empty() {
        return new Bytes(new byte[0], 0, 0);
    }

    static Payload ofBytes(byte[] data) {
        return new Bytes(data, 0, data.length);
    }

    static Payload ofBytes(byte[] data, int offset, int length) {
        return new Bytes(data, offset, length);
    }

    static Payload ofString(String text) {
        return ofBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Payload ofFile(Path file) throws IOException {
        return new FileRegion(file, 0, Files.size(file));
    }

    static Payload ofFileRegion(Path file, long offset, long length) {
        return new FileRegion(file, offset, length);
    }

    /** A one-shot stream; {@code length} -1 when unknown (then only the multipart uploader can send it). */
    static Payload ofStream(InputStream in, long length) {
        return new Stream(in, length);
    }

    record Bytes(byte[] data, int offset, int count) implements Payload {
        public Bytes {
            Objects.requireNonNull(data, "data");
            Objects.checkFromIndexSize(offset, count, data.length);
        }

        @Override
        public long length() {
            return count;
        }

        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(data, offset, count);
        }

        @Override
        public String toString() {
            return "Payload.Bytes[" + count + " bytes]";
        }
    }

    /**
     * Bytes held in equal-sized segments (the uploader's part buffers): the first {@code count} bytes of their
     * concatenation. Small arrays instead of one part-sized array keep each buffer out of the garbage collector's
     * "humongous" class, whose region rounding would otherwise add up to a quarter to the memory a part takes.
     */
    record Segments(List<byte[]> segments, long count) implements Payload {
        public Segments {
            segments = List.copyOf(segments);
            long capacity = segments.isEmpty() ? 0 : (long) segments.size() * segments.get(0).length;
            if (count < 0 || count > capacity) {
                throw new IllegalArgumentException("count " + count + " outside 0.." + capacity);
            }
        }

        /** Length of every segment. */
        public int segmentSize() {
            return segments.isEmpty() ? 0 : segments.get(0).length;
        }

        @Override
        public long length() {
            return count;
        }

        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public InputStream open() {
            List<InputStream> parts = new java.util.ArrayList<>();
            long left = count;
            for (byte[] segment : segments) {
                if (left <= 0) {
                    break;
                }
                int n = (int) Math.min(segment.length, left);
                parts.add(new java.io.ByteArrayInputStream(segment, 0, n));
                left -= n;
            }
            return new java.io.SequenceInputStream(java.util.Collections.enumeration(parts));
        }

        @Override
        public String toString() {
            return "Payload.Segments[" + count + " bytes in " + segments.size() + " segments]";
        }
    }

    /** A region of a file, read by offset: the file is never copied into memory. */
    record FileRegion(Path file, long offset, long count) implements Payload {
        public FileRegion {
            Objects.requireNonNull(file, "file");
            if (offset < 0 || count < 0) {
                throw new IllegalArgumentException("offset and length must be >= 0");
            }
        }

        @Override
        public long length() {
            return count;
        }

        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public InputStream open() throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), count);
        }
    }

    record Stream(InputStream in, long count) implements Payload {
        public Stream {
            Objects.requireNonNull(in, "in");
        }

        @Override
        public long length() {
            return count;
        }

        @Override
        public boolean replayable() {
            return false;
        }

        @Override
        public InputStream open() {
            return in;
        }

        @Override
        public String toString() {
            return "Payload.Stream[" + (count < 0 ? "unknown length" : count + " bytes") + "]";
        }
    }
}
