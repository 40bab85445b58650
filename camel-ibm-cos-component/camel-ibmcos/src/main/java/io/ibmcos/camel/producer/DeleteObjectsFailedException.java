package io.ibmcos.camel.producer;

import io.ibmcos.client.model.DeleteObjectsResult;
import java.util.stream.Collectors;

/**
 * deleteObjects could not delete some keys (COS reports those per key inside a 200 answer). Thrown so a partial
 * failure fails the exchange instead of passing silently; {@link #result()} tells what was and was not deleted.
 */
public class DeleteObjectsFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DeleteObjectsResult result;

    public DeleteObjectsFailedException(String bucket, DeleteObjectsResult result) {
        super(result.errors().size() + " of " + (result.errors().size() + result.deleted().size())
                + " keys could not be deleted from bucket " + bucket + ": "
                + result.errors().stream().limit(10).map(e -> e.key() + " (" + e.code() + ")")
                        .collect(Collectors.joining(", "))
                + (result.errors().size() > 10 ? ", ..." : ""));
        this.result = result;
    }

    public DeleteObjectsResult result() {
        return result;
    }
}
