package io.ibmcos.client.aspera;

/**
 * What an {@link AsperaEngine} reports about one transfer, in order: {@link Queued}, then per session
 * {@link Started}, {@link Progress} (bytes never decrease), {@link FileDone} / {@link FileError}, and finally
 * exactly one {@link Done} or {@link Error}.
 */
public sealed interface AsperaEvent {

    /** The transfer waits for a free ascp slot. */
    record Queued(String transferId) implements AsperaEvent {
    }

    /** A session (ascp process) started; {@code sessionId} as ascp reported it in INIT. */
    record Started(String transferId, int session, String sessionId) implements AsperaEvent {
    }

    /** Bytes moved so far over all sessions and the total ({@code -1} while unknown). */
    record Progress(String transferId, long bytes, long total) implements AsperaEvent {
    }

    /** One file finished. */
    record FileDone(String transferId, String file, long bytes) implements AsperaEvent {
    }

    /** One file failed; the session may go on with others. */
    record FileError(String transferId, String file, int code, String description) implements AsperaEvent {
    }

    /** The transfer succeeded. */
    record Done(String transferId, long bytes, int files) implements AsperaEvent {
    }

    /** The transfer failed; {@code code} is ascp's error code (0 when the failure was not ascp's report). */
    record Error(String transferId, int code, String description) implements AsperaEvent {
    }
}
