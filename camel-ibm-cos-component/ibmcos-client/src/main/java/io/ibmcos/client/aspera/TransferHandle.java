package io.ibmcos.client.aspera;

import java.time.Duration;

/** A running transfer. */
public interface TransferHandle {

    String transferId();

    /**
     * Waits for the end of the transfer.
     *
     * @throws AsperaException when it failed or was cancelled (code 28)
     */
    TransferOutcome await() throws InterruptedException;

    /** As {@link #await()}, but gives up (cancelling the transfer) after {@code timeout}. */
    TransferOutcome await(Duration timeout) throws InterruptedException;

    /**
     * Stops the transfer: asks each session to cancel, then terminates its process, then kills it; returns when the
     * processes are gone and temporary files are deleted. Idempotent.
     */
    void cancel();

    /** Pauses the transfer where the engine supports it. */
    default void pause() {
        throw new UnsupportedOperationException("This Aspera engine cannot pause a transfer: the ascp management "
                + "protocol has no documented pause command; cancel and start again instead");
    }

    /** Resumes a paused transfer where the engine supports it. */
    default void resume() {
        throw new UnsupportedOperationException("This Aspera engine cannot resume a transfer: the ascp management "
                + "protocol has no documented resume command; cancel and start again instead");
    }
}
