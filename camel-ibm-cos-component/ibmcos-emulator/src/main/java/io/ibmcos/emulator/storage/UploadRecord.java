package io.ibmcos.emulator.storage;

import java.time.Instant;
import java.util.Map;

/** An initiated multipart upload with the object headers given at initiation. */
public record UploadRecord(String uploadId, String bucket, String key, Instant initiated,
        Map<String, String> contentHeaders, Map<String, String> userMetadata) {

    public UploadRecord {
        contentHeaders = Map.copyOf(contentHeaders);
        userMetadata = Map.copyOf(userMetadata);
    }
}
