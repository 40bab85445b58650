package io.ibmcos.emulator.auth;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/** Receives body bytes; must not keep {@code data} (nor change its indexes) beyond the call. */
@FunctionalInterface
public interface ByteSink {
    void accept(ByteBuf data) throws IOException;
}
