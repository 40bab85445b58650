package io.ibmcos.client.http;

import io.ibmcos.client.model.Payload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a payload as ByteBuffer chunks on demand, without the up-front copy that the JDK's
 * {@code BodyPublishers.ofByteArray} makes (in Java 17 it copies the whole array into 16 KiB buffers before
 * sending, which doubles the memory of every part in flight). Byte arrays are sent as read-only views; file regions
 * are read chunk by chunk from their channel, so neither is ever held twice.
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
        private FileChannel channel;

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
            Payload.FileRegion region = (Payload.FileRegion) payload;
            if (channel == null) {
                channel = FileChannel.open(region.file(), StandardOpenOption.READ);
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, region.offset() + position + buffer.position());
                if (n < 0) {
                    throw new IOException(region.file() + " is shorter than the region being uploaded");
                }
            }
            position += size;
            return buffer.flip();
        }

        private void fail(Throwable t) {
            if (!done) {
                finish();
                subscriber.onError(t);
            }
        }

        private void finish() {
            done = true;
            closeChannel();
        }

        private void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read-only channel: nothing to lose
                }
                channel = null;
            }
        }

        @Override
        public void cancel() {
            done = true;
            // the draining thread may still hold the channel; closing it makes its read fail, which is harmless
            closeChannel();
        }
    }
}
