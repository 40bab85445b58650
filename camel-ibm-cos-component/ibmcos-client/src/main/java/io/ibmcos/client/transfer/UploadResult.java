package io.ibmcos.client.transfer;

/**
 * Outcome of an upload. {@code uploadId} is null and {@code partCount} 1 when the object went as a single PUT.
 * {@code buffersAllocated} is how many part buffers a stream upload needed (0 for files): its memory was at most
 * that many times the part size.
 */
public record UploadResult(String bucket, String key, String eTag, String uploadId, int partCount, long bytes,
        int buffersAllocated) {

    public boolean multipart() {
        return uploadId != null;
    }
}
