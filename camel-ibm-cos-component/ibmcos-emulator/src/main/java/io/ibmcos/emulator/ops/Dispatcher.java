package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.Operation;
import io.ibmcos.emulator.protocol.RequestHead;
import io.ibmcos.emulator.protocol.Response;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** Maps each {@link Operation} to the code that serves it. */
public final class Dispatcher {
    private final Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);

    /** A handler whose streamed body is worth rejecting early, with {@code precheck} run before the body arrives. */
    public Dispatcher register(Operation op, OperationHandler body, Consumer<RequestHead> precheck) {
        handlers.put(op, new OperationHandler() {
            @Override
            public void precheck(RequestHead head) {
                precheck.accept(head);
            }

            @Override
            public Response handle(Call call) throws IOException {
                return body.handle(call);
            }
        });
        return this;
    }

    public Dispatcher register(Operation op, OperationHandler handler) {
        handlers.put(op, handler);
        return this;
    }

    public OperationHandler handler(Operation op) {
        OperationHandler h = handlers.get(op);
        if (h == null) {
            throw CosException.notImplemented(op.name());
        }
        return h;
    }
}
