package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.auth.AuthResult;
import io.ibmcos.emulator.protocol.RequestHead;
import java.time.Instant;

/** One authenticated request with its body, as handed to an {@link OperationHandler}. */
public record Call(RequestHead head, AuthResult auth, RequestBody body, Instant now) {
    public String bucket() {
        return head.bucket();
    }

    public String key() {
        return head.key();
    }

    public String header(String name) {
        return head.header(name);
    }
}
