package io.ibmcos.client.http;

import io.ibmcos.client.model.Payload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a payload as ByteBuffer chunks on demand, without the up-front copy that the JDK's
 * {@code BodyPublishers.ofByteArray} makes (in Java 17 it copies the whole array into 16 KiB buffers before
 * sending, which doubles the memory of every part in flight). Byte arrays are sent as read-only views; file regions
 * are memory-mapped and sent as slices of the mapping, so file bytes never pass through the Java heap and no
 * {@code pread} per chunk is needed.
 */
final class PayloadPublisher implements Flow.Publisher<ByteBuffer> {

    static final int CHUNK = 256 * 1024;

    private final Payload payload;

    PayloadPublisher(Payload payload) {
        this.payload = payload;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new ChunkSubscription(payload, subscriber));
    }

    /** Emits chunks while there is demand; re-entrant calls to request() only add demand. */
    private static final class ChunkSubscription implements Flow.Subscription {
        private final Payload payload;
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean done;
        private long position;
        private MappedByteBuffer mapped;

        ChunkSubscription(Payload payload, Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.payload = payload;
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("non-positive demand: " + n));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        private void drain() {
            while (!done && draining.compareAndSet(false, true)) {
                try {
                    while (!done && demand.get() > 0) {
                        if (position >= payload.length()) {
                            finish();
                            subscriber.onComplete();
                            return;
                        }
                        ByteBuffer chunk = nextChunk();
                        demand.decrementAndGet();
                        subscriber.onNext(chunk);
                    }
                } catch (IOException | RuntimeException e) {
                    fail(e);
                    return;
                } finally {
                    draining.set(false);
                }
                if (demand.get() == 0 || done) {
                    return;
                }
            }
        }

        private ByteBuffer nextChunk() throws IOException {
            int size = (int) Math.min(CHUNK, payload.length() - position);
            if (payload instanceof Payload.Bytes bytes) {
                ByteBuffer view = ByteBuffer.wrap(bytes.data(), bytes.offset() + (int) position, size).slice();
                position += size;
                return view.asReadOnlyBuffer();
            }
            if (payload instanceof Payload.Segments seg) {
                int segmentSize = seg.segmentSize();
                int index = (int) (position / segmentSize);
                int offset = (int) (position % segmentSize);
                int n = Math.min(size, segmentSize - offset);
                position += n;
                return ByteBuffer.wrap(seg.segments().get(index), offset, n).slice().asReadOnlyBuffer();
            }
            if (mapped == null) {
                mapped = mapRegion((Payload.FileRegion) payload);
            }
            // a read-only slice of the mapping: the kernel pages the file in, no copy into the Java heap
            ByteBuffer slice = mapped.slice((int) position, size).asReadOnlyBuffer();
            position += size;
            return slice;
        }

        /**
         * Maps the whole region once. Parts are at most 2 GiB here (the uploader buffers at most that), so one
         * mapping per part suffices; the channel can be closed right away, the mapping stays valid.
         */
        private static MappedByteBuffer mapRegion(Payload.FileRegion region) throws IOException {
            if (region.count() > Integer.MAX_VALUE) {
                throw new IOException("A single request body from a file is limited to 2 GiB here; upload larger "
                        + "files with the multipart uploader");
            }
            try (FileChannel channel = FileChannel.open(region.file(), StandardOpenOption.READ)) {
                if (channel.size() < region.offset() + region.count()) {
                    throw new IOException(region.file() + " is shorter than the region being uploaded");
                }
                return channel.map(FileChannel.MapMode.READ_ONLY, region.offset(), region.count());
            }
        }

        private void fail(Throwable t) {
            if (!done) {
                finish();
                subscriber.onError(t);
            }
        }

        private void finish() {
            done = true;
        }

        @Override
        public void cancel() {
            done = true;
        }
    }
}
