package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.emulator.CosEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** An emulator restarted on the same data directory serves the same state. */
class PersistenceIT {

    @Test
    void bucketsObjectsMetadataRetentionHoldsAndUploadsSurviveRestart(@TempDir Path dir) throws Exception {
        String uploadId;
        int port;
        try (CosEmulator first = CosEmulator.builder().dataDir(dir).start();
                S3Client s3 = AwsSdk.client(first.endpoint(), first.accessKey(), first.secretKey())) {
            port = first.port();
            s3.createBucket(b -> b.bucket("kept"));
            s3.createBucket(b -> b.bucket("locked"));
            RawCos raw = new RawCos(first);
            assertThat(raw.putProtection("locked", 0, 1, 10).statusCode()).isEqualTo(200);
            s3.putObject(b -> b.bucket("kept").key("dir/file.txt").contentType("text/plain").metadata(Map.of("m", "1")),
                    RequestBody.fromString("persisted"));
            s3.putObject(b -> b.bucket("kept").key("replaced"), RequestBody.fromString("old"));
            s3.putObject(b -> b.bucket("kept").key("replaced"), RequestBody.fromString("new"));
            s3.putObject(b -> b.bucket("locked").key("held").contentMD5(RawCos.md5("held body"))
                    .overrideConfiguration(o -> o.putHeader("Retention-Legal-Hold-ID", "case-9")),
                    RequestBody.fromString("held body"));
            uploadId = s3.createMultipartUpload(b -> b.bucket("kept").key("mpu")).uploadId();
            s3.uploadPart(b -> b.bucket("kept").key("mpu").uploadId(uploadId).partNumber(1), RequestBody.fromString("part one"));
        }
        try (CosEmulator second = CosEmulator.builder().dataDir(dir).port(port).start();
                S3Client s3 = AwsSdk.client(second.endpoint(), second.accessKey(), second.secretKey())) {
            var got = s3.getObjectAsBytes(b -> b.bucket("kept").key("dir/file.txt"));
            assertThat(got.asUtf8String()).isEqualTo("persisted");
            assertThat(got.response().contentType()).isEqualTo("text/plain");
            assertThat(got.response().metadata()).containsEntry("m", "1");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kept").key("replaced")).asUtf8String()).isEqualTo("new");
            RawCos raw = new RawCos(second);
            assertThat(raw.get("/locked?protection").body()).contains("<DefaultRetention><Days>1</Days>");
            var holds = raw.get("/locked/held?legalHold");
            assertThat(holds.body()).contains("<ID>case-9</ID>").contains("<RetentionPeriod>86400</RetentionPeriod>");
            assertThat(raw.delete("/locked/held").statusCode()).isEqualTo(403);
            assertThat(s3.listParts(b -> b.bucket("kept").key("mpu").uploadId(uploadId)).parts()).hasSize(1);
            CompletedPart part = CompletedPart.builder().partNumber(1).eTag("\"" + RawCos.md5Hex("part one") + "\"").build();
            s3.completeMultipartUpload(b -> b.bucket("kept").key("mpu").uploadId(uploadId).multipartUpload(m -> m.parts(part)));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kept").key("mpu")).asUtf8String()).isEqualTo("part one");
            // server-side part copy from a byte range of a stored object
            String copyId = s3.createMultipartUpload(b -> b.bucket("kept").key("copied")).uploadId();
            String etag = s3.uploadPartCopy(b -> b.sourceBucket("kept").sourceKey("dir/file.txt").destinationBucket("kept")
                    .destinationKey("copied").uploadId(copyId).partNumber(1).copySourceRange("bytes=0-3")).copyPartResult().eTag();
            CompletedPart copiedPart = CompletedPart.builder().partNumber(1).eTag(etag).build();
            s3.completeMultipartUpload(b -> b.bucket("kept").key("copied").uploadId(copyId).multipartUpload(m -> m.parts(copiedPart)));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kept").key("copied")).asUtf8String()).isEqualTo("pers");
        }
        // replaced and completed data leaves no stray files behind
        try (var blobs = Files.list(dir.resolve("blobs"))) {
            assertThat(blobs.count()).isEqualTo(5);
        }
        try (var tmp = Files.list(dir.resolve("tmp"))) {
            assertThat(tmp.count()).isZero();
        }
    }
}
