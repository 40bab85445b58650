package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.RequestHead;
import io.ibmcos.emulator.protocol.Response;
import java.io.IOException;

/** Serves one operation. Handlers never throw after they have handed a body blob to the storage. */
public interface OperationHandler {

    /** Cheap checks before a streamed body is received (bucket exists, upload exists), so that it is not stored in vain. */
    default void precheck(RequestHead head) {
    }

    Response handle(Call call) throws IOException;
}
