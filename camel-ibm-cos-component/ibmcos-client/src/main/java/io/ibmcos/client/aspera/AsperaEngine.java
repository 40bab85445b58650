package io.ibmcos.client.aspera;

/**
 * Runs a transfer described by an ATS transfer spec. {@link AscpEngine} drives IBM's {@code ascp}; other engines
 * (IBM's Transfer SDK daemon, a test double) can implement the same contract.
 */
public interface AsperaEngine extends AutoCloseable {

    /** Short name reported with results, e.g. {@code ascp}. */
    String name();

    /**
     * Starts the transfer and returns at once; events go to {@code listener}.
     *
     * @param transferId id shared by all sessions of the transfer
     * @throws AsperaException when the engine cannot start (e.g. ascp not found)
     */
    TransferHandle start(String transferId, TransferSpec spec, AsperaListener listener);

    /** Cancels running transfers and releases threads. */
    @Override
    void close();
}
