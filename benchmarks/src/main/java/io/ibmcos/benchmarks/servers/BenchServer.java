package io.ibmcos.benchmarks.servers;

import java.net.URI;

/** An S3 server started in this JVM on 127.0.0.1 for the benchmark. */
public interface BenchServer extends AutoCloseable {

    /** Short name used on the command line and in the table: emulator, s3proxy, discard. */
    String name();

    URI endpoint();

    String accessKey();

    String secretKey();

    /**
     * True when the server throws bodies away and answers with made-up ETags: clients that check a part's ETag
     * against the MD5 of what they sent must have that check off.
     */
    boolean discards();

    @Override
    void close();
}
