package io.ibmcos.client.transfer;

/**
 * Progress of an upload, reported after each part (and once for a single PUT). Called from uploader threads:
 * implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface UploadProgress {

    UploadProgress NONE = (bytes, parts, totalBytes, totalParts) -> { };

    /**
     * @param bytesTransferred bytes acknowledged by COS so far
     * @param partsCompleted   parts acknowledged so far
     * @param totalBytes       object size, or -1 when the stream's length is unknown
     * @param totalParts       number of parts, or -1 when unknown
     */
    void onProgress(long bytesTransferred, int partsCompleted, long totalBytes, int totalParts);
}
