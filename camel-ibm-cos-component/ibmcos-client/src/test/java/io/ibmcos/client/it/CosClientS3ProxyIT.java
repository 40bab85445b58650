package io.ibmcos.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CompletedPart;
import io.ibmcos.client.model.CopyObjectRequest;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.CreateMultipartUploadRequest;
import io.ibmcos.client.model.CompleteMultipartUploadRequest;
import io.ibmcos.client.model.DeleteObjectsResult;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.MultipartUpload;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.client.model.PartListing;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PresignRequest;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.client.model.PutObjectResult;
import io.ibmcos.client.model.UploadPartRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every standard S3 operation of the client, HMAC-signed, against S3Proxy (which verifies SigV4). */
class CosClientS3ProxyIT {

    private static S3ProxyServer server;
    private static DefaultCosClient client;
    private static final String BUCKET = "client-it";

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start();
        client = newClient(S3ProxyServer.SECRET_KEY);
        client.createBucket(CreateBucketRequest.of(BUCKET));
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            assertThat(client.openResponses()).as("no response left open").isZero();
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static DefaultCosClient newClient(String secret) {
        return new DefaultCosClient(CosClientConfig.builder().endpoint(server.endpoint())
                .credentials(new HmacCredentials(S3ProxyServer.ACCESS_KEY, secret)).build());
    }

    private static byte[] read(GetObjectResponse response) throws IOException {
        try (response; InputStream in = response.content()) {
            return in.readAllBytes();
        }
    }

    @Test
    void bucketsAreListedHeadedAndDeleted() {
        client.createBucket(CreateBucketRequest.of("client-it-temp"));
        assertThat(client.listBuckets().buckets()).extracting(b -> b.name()).contains(BUCKET, "client-it-temp");
        assertThat(client.headBucket("client-it-temp").bucket()).isEqualTo("client-it-temp");
        client.deleteBucket("client-it-temp");
        assertThatThrownBy(() -> client.headBucket("client-it-temp"))
                .isInstanceOfSatisfying(CosServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("NoSuchBucket");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain.txt", "with space.txt", "plus+sign", "percent%41literal", "unicode-ü-日本語.bin",
        "a/b/../c", "dir/sub/./x", "tilde~star*paren(1)", "query?and&eq=1", "semi;colon,comma", "trailing space "})
    void keysWithSpecialCharactersRoundTrip(String key) throws Exception {
        byte[] data = ("content of " + key).getBytes(StandardCharsets.UTF_8);
        PutObjectResult put = client.putObject(PutObjectRequest.of(BUCKET, key, Payload.ofBytes(data)));
        assertThat(put.eTag()).isEqualTo(md5Hex(data));
        assertThat(read(client.getObject(GetObjectRequest.of(BUCKET, key)))).isEqualTo(data);
        ObjectListing listing = client.listObjectsV2(ListObjectsRequest.of(BUCKET).withPrefix(key));
        assertThat(listing.objects()).extracting(ObjectSummary::key).contains(key);
        client.deleteObject(BUCKET, key);
        assertThatThrownBy(() -> client.headObject(BUCKET, key))
                .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("NoSuchKey"));
    }

    @Test
    void metadataAndContentHeadersRoundTrip() throws Exception {
        ObjectHeaders headers = ObjectHeaders.builder().contentType("text/csv").cacheControl("max-age=60")
                .contentDisposition("attachment; filename=\"r.csv\"").contentEncoding("identity")
                .userMetadata("department", "finance").userMetadata("batch-id", "42").build();
        client.putObject(PutObjectRequest.of(BUCKET, "meta.csv", Payload.ofString("a,b\n1,2\n")).withHeaders(headers));
        ObjectMetadata head = client.headObject(BUCKET, "meta.csv");
        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentDisposition()).isEqualTo("attachment; filename=\"r.csv\"");
        assertThat(head.contentLength()).isEqualTo(8);
        assertThat(head.lastModified()).isNotNull();
        assertThat(head.userMetadata()).containsEntry("department", "finance").containsEntry("batch-id", "42");
        try (GetObjectResponse get = client.getObject(GetObjectRequest.of(BUCKET, "meta.csv"))) {
            assertThat(get.metadata().userMetadata()).containsEntry("department", "finance");
            assertThat(get.metadata().eTag()).isEqualTo(head.eTag());
        }
    }

    @Test
    void rangesReturnTheRequestedBytes() throws IOException {
        byte[] data = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        client.putObject(PutObjectRequest.of(BUCKET, "range.txt", Payload.ofBytes(data)));
        GetObjectResponse middle = client.getObject(GetObjectRequest.of(BUCKET, "range.txt").withRange(2L, 5L));
        assertThat(middle.metadata().contentRange()).isEqualTo("bytes 2-5/16");
        assertThat(new String(read(middle), StandardCharsets.US_ASCII)).isEqualTo("2345");
        assertThat(new String(read(client.getObject(GetObjectRequest.of(BUCKET, "range.txt").withRange(10L, null))),
                StandardCharsets.US_ASCII)).isEqualTo("abcdef");
    }

    @Test
    void conditionalGetsAnswer304And412() throws IOException {
        PutObjectResult put = client.putObject(PutObjectRequest.of(BUCKET, "cond.txt", Payload.ofString("v1")));
        assertThatThrownBy(() -> client.getObject(GetObjectRequest.of(BUCKET, "cond.txt").withIfNoneMatch(put.eTag())))
                .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThatThrownBy(() -> client.getObject(GetObjectRequest.of(BUCKET, "cond.txt").withIfMatch("0000")))
                .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(read(client.getObject(GetObjectRequest.of(BUCKET, "cond.txt").withIfMatch(put.eTag()))))
                .isEqualTo("v1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void paginationVisitsEveryKeyOnceAndDeleteMultipleRemovesThousandsInBatches() throws Exception {
        String bucket = "client-it-paging";
        client.createBucket(CreateBucketRequest.of(bucket));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            keys.add(String.format("k/%05d", i));
        }
        putAll(bucket, keys);

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ObjectListing page = client.listObjectsV2(
                    ListObjectsRequest.of(bucket).withMaxKeys(300).withContinuationToken(token));
            page.objects().forEach(o -> seen.add(o.key()));
            token = page.nextContinuationToken();
            pages++;
            assertThat(page.truncated()).isEqualTo(token != null);
        } while (token != null);
        assertThat(pages).isEqualTo(9);
        assertThat(seen).containsExactlyElementsOf(keys);

        List<String> v1 = new ArrayList<>();
        String marker = null;
        ObjectListing page;
        do {
            page = client.listObjects(ListObjectsRequest.of(bucket).withMaxKeys(1000).withStartAfter(marker));
            page.objects().forEach(o -> v1.add(o.key()));
            marker = page.objects().isEmpty() ? null : page.objects().get(page.objects().size() - 1).key();
        } while (page.truncated());
        assertThat(v1).containsExactlyElementsOf(keys);

        ObjectListing after = client.listObjectsV2(ListObjectsRequest.of(bucket).withStartAfter("k/02490"));
        assertThat(after.objects()).hasSize(9);

        DeleteObjectsResult deleted = client.deleteObjects(bucket, keys.subList(0, 1500));
        assertThat(deleted.errors()).isEmpty();
        assertThat(deleted.deleted()).hasSize(1500);
        ObjectListing rest = client.listObjectsV2(ListObjectsRequest.of(bucket));
        assertThat(rest.keyCount()).isEqualTo(1000);
        assertThat(rest.objects().get(0).key()).isEqualTo("k/01500");
        client.deleteObjects(bucket, keys.subList(1500, 2500));
        client.deleteBucket(bucket);
    }

    @Test
    void delimiterGroupsCommonPrefixes() {
        for (String k : List.of("tree/a/1", "tree/a/2", "tree/b/1", "tree/top.txt")) {
            client.putObject(PutObjectRequest.of(BUCKET, k, Payload.ofString(k)));
        }
        ObjectListing listing = client.listObjectsV2(ListObjectsRequest.of(BUCKET).withPrefix("tree/").withDelimiter("/"));
        assertThat(listing.commonPrefixes()).containsExactly("tree/a/", "tree/b/");
        assertThat(listing.objects()).extracting(ObjectSummary::key).containsExactly("tree/top.txt");
    }

    @Test
    void copyKeepsOrReplacesMetadata() throws IOException {
        ObjectHeaders original = ObjectHeaders.builder().contentType("text/plain").userMetadata("v", "1").build();
        client.putObject(PutObjectRequest.of(BUCKET, "copy-src", Payload.ofString("copied")).withHeaders(original));

        client.copyObject(CopyObjectRequest.of(BUCKET, "copy-src", BUCKET, "copy-same"));
        assertThat(client.headObject(BUCKET, "copy-same").userMetadata()).containsEntry("v", "1");

        ObjectHeaders replaced = ObjectHeaders.builder().contentType("application/json").userMetadata("v", "2").build();
        client.copyObject(CopyObjectRequest.of(BUCKET, "copy-src", BUCKET, "copy dest+").withMetadata(replaced));
        ObjectMetadata head = client.headObject(BUCKET, "copy dest+");
        assertThat(head.userMetadata()).containsEntry("v", "2").doesNotContainKey("x");
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(read(client.getObject(GetObjectRequest.of(BUCKET, "copy dest+"))))
                .isEqualTo("copied".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void multipartPrimitivesAssembleTheObject() throws Exception {
        byte[] part1 = randomBytes(5 * 1024 * 1024, 1);
        byte[] part2 = randomBytes(1024 * 1024 + 17, 2);
        MultipartUpload upload = client.createMultipartUpload(new CreateMultipartUploadRequest(BUCKET, "mp/object.bin",
                ObjectHeaders.builder().userMetadata("kind", "multipart").build()));
        CompletedPart p1 = client.uploadPart(new UploadPartRequest(BUCKET, "mp/object.bin", upload.uploadId(), 1,
                Payload.ofBytes(part1), null));
        CompletedPart p2 = client.uploadPart(new UploadPartRequest(BUCKET, "mp/object.bin", upload.uploadId(), 2,
                Payload.ofBytes(part2), io.ibmcos.client.Digests.contentMd5(part2)));
        assertThat(p1.eTag()).isEqualTo(md5Hex(part1));

        PartListing parts = client.listParts(BUCKET, "mp/object.bin", upload.uploadId(), null, null);
        assertThat(parts.parts()).extracting(p -> p.partNumber()).containsExactly(1, 2);
        assertThat(parts.parts().get(1).size()).isEqualTo(part2.length);
        assertThat(client.listMultipartUploads(ListMultipartUploadsRequest.of(BUCKET)).uploads())
                .extracting(u -> u.uploadId()).contains(upload.uploadId());

        var done = client.completeMultipartUpload(new CompleteMultipartUploadRequest(BUCKET, "mp/object.bin",
                upload.uploadId(), List.of(p2, p1), null));
        assertThat(done.eTag()).endsWith("-2");
        byte[] whole = read(client.getObject(GetObjectRequest.of(BUCKET, "mp/object.bin")));
        assertThat(whole).hasSize(part1.length + part2.length);
        assertThat(sha256(whole)).isEqualTo(sha256(concat(part1, part2)));
        assertThat(client.headObject(BUCKET, "mp/object.bin").userMetadata()).containsEntry("kind", "multipart");

        MultipartUpload aborted = client.createMultipartUpload(
                new CreateMultipartUploadRequest(BUCKET, "mp/aborted.bin", null));
        client.uploadPart(new UploadPartRequest(BUCKET, "mp/aborted.bin", aborted.uploadId(), 1,
                Payload.ofBytes(part2), null));
        client.abortMultipartUpload(BUCKET, "mp/aborted.bin", aborted.uploadId());
        assertThat(client.listMultipartUploads(ListMultipartUploadsRequest.of(BUCKET)).uploads())
                .extracting(u -> u.uploadId()).doesNotContain(aborted.uploadId(), upload.uploadId());
    }

    @Test
    void presignedUrlsWorkWithAPlainHttpClient() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var putUrl = client.createPresignedUrl(new PresignRequest(PresignRequest.Method.PUT, BUCKET, "presigned file.txt",
                Duration.ofMinutes(5)));
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(putUrl)
                .PUT(HttpRequest.BodyPublishers.ofString("via presigned put")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        var getUrl = client.createPresignedUrl(new PresignRequest(PresignRequest.Method.GET, BUCKET, "presigned file.txt",
                Duration.ofMinutes(5)));
        assertThat(getUrl.toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(getUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("via presigned put");

        HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(
                java.net.URI.create(getUrl.toString().replace("presigned%20file", "presigned%20filf"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongSecretIsRejectedBySignatureCheck() {
        try (DefaultCosClient wrong = newClient("not-the-secret")) {
            assertThatThrownBy(() -> wrong.listObjectsV2(ListObjectsRequest.of(BUCKET)))
                    .isInstanceOfSatisfying(CosServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.getMessage()).doesNotContain("not-the-secret");
                    });
        }
    }

    @Test
    void fileAndStreamPayloadsUploadWithTheirLength(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] data = randomBytes(300_000, 3);
        java.nio.file.Path file = dir.resolve("f.bin");
        java.nio.file.Files.write(file, data);
        client.putObject(PutObjectRequest.of(BUCKET, "from-file", Payload.ofFile(file)));
        client.putObject(PutObjectRequest.of(BUCKET, "from-region", Payload.ofFileRegion(file, 1000, 5000)));
        client.putObject(PutObjectRequest.of(BUCKET, "from-stream",
                Payload.ofStream(new java.io.ByteArrayInputStream(data), data.length)));
        assertThat(read(client.getObject(GetObjectRequest.of(BUCKET, "from-file")))).isEqualTo(data);
        assertThat(read(client.getObject(GetObjectRequest.of(BUCKET, "from-region"))))
                .isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 6000));
        assertThat(read(client.getObject(GetObjectRequest.of(BUCKET, "from-stream")))).isEqualTo(data);
        assertThatThrownBy(() -> client.putObject(PutObjectRequest.of(BUCKET, "unknown-length",
                Payload.ofStream(new java.io.ByteArrayInputStream(data), -1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known length");
    }

    private static void putAll(String bucket, List<String> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String k : keys) {
                futures.add(pool.submit(() -> client.putObject(PutObjectRequest.of(bucket, k, Payload.ofString(k)))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String md5Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

}
