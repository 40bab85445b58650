package io.ibmcos.emulator.storage;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * Receives object bytes as they arrive from the network. Nothing becomes visible until {@link #commit()};
 * {@link #abort()} (also after a failed commit) throws the bytes away.
 */
public interface BlobWriter {
    /** Consumes the readable bytes of {@code data} without changing its reader index or releasing it. */
    void write(ByteBuf data) throws IOException;

    /** Makes the bytes durable (fsync on disk) and returns their reference; they belong to no object yet. */
    BlobRef commit() throws IOException;

    void abort();
}
