package io.ibmcos.client.aspera;

import java.time.Duration;

/**
 * A finished transfer.
 *
 * @param transferId shared by all sessions (ascp {@code -u} and {@code tags.aspera.xfer_id})
 * @param bytes      bytes moved
 * @param files      files completed
 * @param elapsed    from start to the end of the last session
 * @param engine     which engine ran it, e.g. {@code ascp}
 */
public record TransferOutcome(String transferId, long bytes, int files, Duration elapsed, String engine) {
}
