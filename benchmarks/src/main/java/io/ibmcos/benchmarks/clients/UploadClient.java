package io.ibmcos.benchmarks.clients;

import java.io.InputStream;
import java.nio.file.Path;

/** One uploader under test, bound to one server. Each call uploads one whole object and returns when it exists. */
public interface UploadClient extends AutoCloseable {

    /** As on the command line and in the table, e.g. {@code ours}, {@code ours:8}, {@code ibm}, {@code aws}. */
    String name();

    void uploadFile(String bucket, String key, Path file) throws Exception;

    /** {@code in} is a stream of unknown length: the client is not told its size. */
    void uploadStream(String bucket, String key, InputStream in) throws Exception;

    /** One line on how this client is configured, for the report. */
    String describe();

    @Override
    void close();
}
