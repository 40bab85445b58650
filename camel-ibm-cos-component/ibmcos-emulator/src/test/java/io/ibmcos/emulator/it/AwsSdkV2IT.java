package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.emulator.CosEmulator;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The same core flows with AWS SDK v2 (path style, WHEN_REQUIRED checksums), plus presigned URLs and virtual hosts. */
class AwsSdkV2IT {
    static CosEmulator cos;
    static S3Client s3;

    @BeforeAll
    static void start() {
        cos = CosEmulator.builder().start();
        s3 = AwsSdk.client(cos.endpoint(), cos.accessKey(), cos.secretKey());
    }

    @AfterAll
    static void stop() {
        s3.close();
        cos.close();
    }

    @Test
    void objectsMetadataCopyConditionalsAndErrors() {
        s3.createBucket(b -> b.bucket("v2-objects"));
        s3.putObject(b -> b.bucket("v2-objects").key("a b/c+d.txt").contentType("text/plain").metadata(Map.of("owner", "me")),
                RequestBody.fromString("0123456789abcdef"));
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("v2-objects").key("a b/c+d.txt"));
        assertThat(got.asUtf8String()).isEqualTo("0123456789abcdef");
        assertThat(got.response().metadata()).containsEntry("owner", "me");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        String etag = got.response().eTag();

        assertThat(s3.getObjectAsBytes(b -> b.bucket("v2-objects").key("a b/c+d.txt").range("bytes=-4")).asUtf8String())
                .isEqualTo("cdef");
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("v2-objects").key("a b/c+d.txt").range("bytes=100-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("v2-objects").key("a b/c+d.txt").ifMatch("\"nope\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("v2-objects").key("a b/c+d.txt").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));

        s3.copyObject(b -> b.sourceBucket("v2-objects").sourceKey("a b/c+d.txt").destinationBucket("v2-objects")
                .destinationKey("copy").metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("owner", "you")));
        assertThat(s3.headObject(b -> b.bucket("v2-objects").key("copy")).metadata()).containsEntry("owner", "you");

        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("v2-objects").key("missing")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("cosv1-reserved")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName"));
    }

    @Test
    void listingPaginatesInUtf8OrderWithPrefixesAndDeleteObjects() {
        s3.createBucket(b -> b.bucket("v2-list"));
        List<String> keys = List.of("x/\uD83D\uDE00", "x/\uFFFD", "x/a", "y", "x/sub/1", "x/sub/2");
        for (String k : keys) {
            s3.putObject(b -> b.bucket("v2-list").key(k), RequestBody.fromString(k));
        }
        List<String> seen = new ArrayList<>();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket("v2-list").prefix("x/").maxKeys(2))) {
            page.contents().stream().map(S3Object::key).forEach(seen::add);
        }
        // UTF-8 byte order puts U+FFFD (EF BF BD) before U+1F600 (F0 9F 98 80)
        assertThat(seen).containsExactly("x/a", "x/sub/1", "x/sub/2", "x/\uFFFD", "x/\uD83D\uDE00");
        ListObjectsV2Response delimited = s3.listObjectsV2(b -> b.bucket("v2-list").delimiter("/").encodingType("url"));
        assertThat(delimited.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("x/");
        assertThat(delimited.contents()).extracting(S3Object::key).containsExactly("y");
        var deleted = s3.deleteObjects(b -> b.bucket("v2-list").delete(d -> d.objects(
                ObjectIdentifier.builder().key("y").build(), ObjectIdentifier.builder().key("x/a").build())));
        assertThat(deleted.deleted()).hasSize(2);
        assertThat(s3.listObjectsV2(b -> b.bucket("v2-list")).keyCount()).isEqualTo(4);
    }

    @Test
    void multipartUploadWithPartRulesAndListings() {
        s3.createBucket(b -> b.bucket("v2-mpu"));
        String id = s3.createMultipartUpload(b -> b.bucket("v2-mpu").key("big")).uploadId();
        byte[] five = new byte[5 * 1024 * 1024];
        new Random(1).nextBytes(five);
        String e1 = s3.uploadPart(b -> b.bucket("v2-mpu").key("big").uploadId(id).partNumber(1), RequestBody.fromBytes(five)).eTag();
        String e2 = s3.uploadPart(b -> b.bucket("v2-mpu").key("big").uploadId(id).partNumber(2), RequestBody.fromString("tail")).eTag();
        assertThat(s3.listParts(b -> b.bucket("v2-mpu").key("big").uploadId(id)).parts()).hasSize(2);
        assertThat(s3.listMultipartUploads(b -> b.bucket("v2-mpu")).uploads()).extracting(u -> u.uploadId()).containsExactly(id);
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("v2-mpu").key("big").uploadId(id)
                .multipartUpload(m -> m.parts(part(2, e2), part(1, e1)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("v2-mpu").key("big").uploadId(id)
                .multipartUpload(m -> m.parts(part(1, "\"00000000000000000000000000000000\"")))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
        String etag = s3.completeMultipartUpload(b -> b.bucket("v2-mpu").key("big").uploadId(id)
                .multipartUpload(m -> m.parts(part(1, e1), part(2, e2)))).eTag();
        assertThat(etag).endsWith("-2\"");
        assertThat(s3.headObject(b -> b.bucket("v2-mpu").key("big")).contentLength()).isEqualTo(five.length + 4L);
        ResponseBytes<GetObjectResponse> second = s3.getObjectAsBytes(b -> b.bucket("v2-mpu").key("big").partNumber(2));
        assertThat(second.asUtf8String()).isEqualTo("tail");
        assertThat(second.response().partsCount()).isEqualTo(2);
        assertThat(second.response().contentRange()).isEqualTo("bytes " + five.length + "-" + (five.length + 3) + "/" + (five.length + 4));
        assertThat(s3.headObject(b -> b.bucket("v2-mpu").key("big").partNumber(1)).contentLength()).isEqualTo(five.length);
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("v2-mpu").key("big").partNumber(3)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
        assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket("v2-mpu").key("big").uploadId(id)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));

        String small = s3.createMultipartUpload(b -> b.bucket("v2-mpu").key("small")).uploadId();
        String s1 = s3.uploadPart(b -> b.bucket("v2-mpu").key("small").uploadId(small).partNumber(1), RequestBody.fromString("x")).eTag();
        String s2 = s3.uploadPart(b -> b.bucket("v2-mpu").key("small").uploadId(small).partNumber(2), RequestBody.fromString("y")).eTag();
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("v2-mpu").key("small").uploadId(small)
                .multipartUpload(m -> m.parts(part(1, s1), part(2, s2)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall"));
        s3.abortMultipartUpload(b -> b.bucket("v2-mpu").key("small").uploadId(small));
    }

    @Test
    void uploadPartCopyBuildsObjectsFromRangesOfOthers() {
        s3.createBucket(b -> b.bucket("v2-partcopy"));
        byte[] source = new byte[6 * 1024 * 1024];
        new Random(3).nextBytes(source);
        s3.putObject(b -> b.bucket("v2-partcopy").key("src"), RequestBody.fromBytes(source));
        String id = s3.createMultipartUpload(b -> b.bucket("v2-partcopy").key("dst")).uploadId();
        String e1 = s3.uploadPartCopy(b -> b.sourceBucket("v2-partcopy").sourceKey("src").destinationBucket("v2-partcopy")
                .destinationKey("dst").uploadId(id).partNumber(1)).copyPartResult().eTag();
        String e2 = s3.uploadPartCopy(b -> b.sourceBucket("v2-partcopy").sourceKey("src").destinationBucket("v2-partcopy")
                .destinationKey("dst").uploadId(id).partNumber(2).copySourceRange("bytes=10-19")).copyPartResult().eTag();
        assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.sourceBucket("v2-partcopy").sourceKey("src")
                .destinationBucket("v2-partcopy").destinationKey("dst").uploadId(id).partNumber(3)
                .copySourceRange("bytes=0-" + source.length)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        s3.completeMultipartUpload(b -> b.bucket("v2-partcopy").key("dst").uploadId(id)
                .multipartUpload(m -> m.parts(part(1, e1), part(2, e2))));
        byte[] dst = s3.getObjectAsBytes(b -> b.bucket("v2-partcopy").key("dst")).asByteArray();
        byte[] expected = new byte[source.length + 10];
        System.arraycopy(source, 0, expected, 0, source.length);
        System.arraycopy(source, 10, expected, source.length, 10);
        assertThat(dst).isEqualTo(expected);
    }

    @Test
    void listMultipartUploadsWithDelimiterAndPaging() {
        s3.createBucket(b -> b.bucket("v2-uploads"));
        List<String> ids = new ArrayList<>();
        for (String k : List.of("logs/a", "logs/b", "top", "zeta/x")) {
            ids.add(s3.createMultipartUpload(b -> b.bucket("v2-uploads").key(k)).uploadId());
        }
        var grouped = s3.listMultipartUploads(b -> b.bucket("v2-uploads").delimiter("/"));
        assertThat(grouped.uploads()).extracting(u -> u.key()).containsExactly("top");
        assertThat(grouped.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("logs/", "zeta/");
        var first = s3.listMultipartUploads(b -> b.bucket("v2-uploads").maxUploads(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.uploads()).extracting(u -> u.key()).containsExactly("logs/a", "logs/b");
        var rest = s3.listMultipartUploads(b -> b.bucket("v2-uploads").keyMarker(first.nextKeyMarker())
                .uploadIdMarker(first.nextUploadIdMarker()));
        assertThat(rest.uploads()).extracting(u -> u.key()).containsExactly("top", "zeta/x");
        var logs = s3.listMultipartUploads(b -> b.bucket("v2-uploads").prefix("logs/"));
        assertThat(logs.uploads()).extracting(u -> u.uploadId()).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
    }

    private static CompletedPart part(int n, String etag) {
        return CompletedPart.builder().partNumber(n).eTag(etag).build();
    }

    @Test
    void presignedGetAndPutAndWrongSecret() throws Exception {
        s3.createBucket(b -> b.bucket("v2-presign"));
        try (S3Presigner presigner = AwsSdk.presigner(cos.endpoint(), cos.accessKey(), cos.secretKey(), true)) {
            URL put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("v2-presign").key("via url"))).url();
            HttpURLConnection c = (HttpURLConnection) put.openConnection();
            c.setRequestMethod("PUT");
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write("presigned body".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(c.getResponseCode()).isEqualTo(200);
            URL get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket("v2-presign").key("via url"))).url();
            try (InputStream in = get.openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("presigned body");
            }
            HttpURLConnection tampered = (HttpURLConnection) new URL(get.toString().replace("via%20url", "other")).openConnection();
            assertThat(tampered.getResponseCode()).isEqualTo(403);
        }
        try (S3Client wrong = AwsSdk.client(cos.endpoint(), cos.accessKey(), "not-the-secret");
                S3Client unknown = AwsSdk.client(cos.endpoint(), "unknown-key", cos.secretKey())) {
            assertThatThrownBy(() -> wrong.listBuckets()).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
            assertThatThrownBy(() -> unknown.listBuckets()).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId"));
        }
    }

    @Test
    void virtualHostAddressingAndUnauthenticatedRequests() throws Exception {
        s3.createBucket(b -> b.bucket("v2-vhost"));
        s3.putObject(b -> b.bucket("v2-vhost").key("k"), RequestBody.fromString("virtual"));
        // a virtual-host presigned URL (bucket.localhost:port) sent to 127.0.0.1 with that Host header
        try (S3Presigner presigner = AwsSdk.presigner(java.net.URI.create("http://localhost:" + cos.port()),
                cos.accessKey(), cos.secretKey(), false)) {
            URL url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket("v2-vhost").key("k"))).url();
            assertThat(url.getHost()).isEqualTo("v2-vhost.localhost");
            String response = rawGet(url.getFile(), url.getHost() + ":" + url.getPort());
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("virtual");
        }
        String anonymous = rawGet("/v2-vhost/k", "127.0.0.1:" + cos.port());
        assertThat(anonymous).startsWith("HTTP/1.1 403").contains("<Code>AccessDenied</Code>")
                .contains("<httpStatusCode>403</httpStatusCode>").contains("<Resource>/v2-vhost/k</Resource>");
    }

    private static String rawGet(String pathAndQuery, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", cos.port())) {
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
