package io.ibmcos.benchmarks.clients;

/** Settings all clients share, so they do the same work. */
public final class Settings {

    /** Part size of every client: our default, and what the issue fixes for the peers. */
    public static final long PART_SIZE = 16L * 1024 * 1024;
    /** Threads of IBM's TransferManager (the setting for it). */
    public static final int IBM_THREADS = 10;
    /** Our uploader's default number of parts in flight. */
    public static final int OUR_DEFAULT_CONCURRENCY = 4;
    /** SigV4 scope; COS and both test servers accept any. */
    public static final String REGION = "us-east-1";

    private Settings() {
    }
}
