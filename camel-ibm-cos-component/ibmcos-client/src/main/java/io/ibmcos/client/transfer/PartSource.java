package io.ibmcos.client.transfer;

import io.ibmcos.client.model.Payload;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Hands out the parts of an upload in order: file regions by offset, or stream bytes in pooled buffers. */
abstract class PartSource {

    /** A part ready to send; {@code buffer} goes back to the pool once the part is acknowledged. */
    record Part(int number, Payload payload, byte[][] buffer) {
        long length() {
            return payload.length();
        }
    }

    /** The next part, or null when the source is exhausted. May wait for a free buffer. */
    abstract Part next(int partNumber) throws IOException, InterruptedException;

    /** Returns a part's buffer (if any) to its pool. */
    abstract void release(Part part);

    static PartSource ofFile(Path file, PartPlan plan) {
        return new FileParts(file, plan);
    }

    static PartSource ofStream(InputStream in, PartPlan plan, BufferPool pool) {
        return new StreamParts(in, plan, pool);
    }

    /** File parts are regions read by offset when sent: no copy of the file is ever held in memory. */
    private static final class FileParts extends PartSource {
        private final Path file;
        private final PartPlan plan;

        FileParts(Path file, PartPlan plan) {
            this.file = file;
            this.plan = plan;
        }

        @Override
        Part next(int partNumber) {
            if (partNumber > plan.partCount()) {
                return null;
            }
            return new Part(partNumber,
                    Payload.ofFileRegion(file, plan.offsetOfPart(partNumber), plan.sizeOfPart(partNumber)), null);
        }

        @Override
        void release(Part part) {
            // nothing pooled
        }
    }

    /** Stream parts are read fully into a pooled buffer, so a failed part can be re-sent from memory. */
    private static final class StreamParts extends PartSource {
        private final InputStream in;
        private final PartPlan plan;
        private final BufferPool pool;
        private long read;

        StreamParts(InputStream in, PartPlan plan, BufferPool pool) {
            this.in = in;
            this.plan = plan;
            this.pool = pool;
        }

        @Override
        Part next(int partNumber) throws IOException, InterruptedException {
            boolean known = plan.length() >= 0;
            if (known && partNumber > plan.partCount()) {
                return null;
            }
            long wanted = known ? plan.sizeOfPart(partNumber) : plan.partSize();
            byte[][] buffer = pool.acquire();
            long n;
            try {
                n = fill(buffer, wanted);
            } catch (IOException | RuntimeException e) {
                pool.release(buffer);
                throw e;
            }
            read += n;
            if (known && n < wanted) {
                pool.release(buffer);
                throw new EOFException("The stream ended after " + read + " bytes but its length was given as "
                        + plan.length());
            }
            if (!known && n == 0 && partNumber > 1) {
                pool.release(buffer);
                return null;
            }
            if (!known) {
                try {
                    plan.checkPartNumber(partNumber);
                } catch (IllegalStateException e) {
                    pool.release(buffer);
                    throw e;
                }
            }
            return new Part(partNumber, new Payload.Segments(Arrays.asList(buffer), n), buffer);
        }

        /** Reads up to {@code wanted} bytes into the segments, in order; fewer only at the end of the stream. */
        private long fill(byte[][] buffer, long wanted) throws IOException {
            long filled = 0;
            for (byte[] segment : buffer) {
                if (filled >= wanted) {
                    break;
                }
                int ask = (int) Math.min(segment.length, wanted - filled);
                int got = in.readNBytes(segment, 0, ask);
                filled += got;
                if (got < ask) {
                    break;
                }
            }
            return filled;
        }

        @Override
        void release(Part part) {
            if (part.buffer() != null) {
                pool.release(part.buffer());
            }
        }
    }
}
