package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.cloud.objectstorage.ClientConfiguration;
import com.ibm.cloud.objectstorage.DnsResolver;
import com.ibm.cloud.objectstorage.auth.AWSStaticCredentialsProvider;
import com.ibm.cloud.objectstorage.auth.BasicAWSCredentials;
import com.ibm.cloud.objectstorage.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3ClientBuilder;
import com.ibm.cloud.objectstorage.services.s3.model.AmazonS3Exception;
import com.ibm.cloud.objectstorage.services.s3.model.Bucket;
import com.ibm.cloud.objectstorage.services.s3.model.CopyObjectRequest;
import com.ibm.cloud.objectstorage.services.s3.model.DeleteObjectsRequest;
import com.ibm.cloud.objectstorage.services.s3.model.DeleteObjectsResult;
import com.ibm.cloud.objectstorage.services.s3.model.GetObjectRequest;
import com.ibm.cloud.objectstorage.services.s3.model.ListObjectsRequest;
import com.ibm.cloud.objectstorage.services.s3.model.ListObjectsV2Request;
import com.ibm.cloud.objectstorage.services.s3.model.ListObjectsV2Result;
import com.ibm.cloud.objectstorage.services.s3.model.ObjectListing;
import com.ibm.cloud.objectstorage.services.s3.model.ObjectMetadata;
import com.ibm.cloud.objectstorage.services.s3.model.S3Object;
import com.ibm.cloud.objectstorage.services.s3.model.S3ObjectSummary;
import com.ibm.cloud.objectstorage.services.s3.transfer.TransferManager;
import com.ibm.cloud.objectstorage.services.s3.transfer.TransferManagerBuilder;
import com.ibm.cloud.objectstorage.services.s3.transfer.Upload;
import io.ibmcos.emulator.CosEmulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IBM's COS Java SDK with HMAC credentials over plain HTTP: the SDK signs payloads and uses aws-chunked signed
 * streaming for uploads, which the emulator must decode and verify.
 */
class IbmSdkHmacIT {
    static CosEmulator cos;
    static AmazonS3 s3;

    @BeforeAll
    static void start() {
        cos = CosEmulator.builder().start();
        s3 = IbmSdk.hmac(cos);
    }

    @AfterAll
    static void stop() {
        s3.shutdown();
        cos.close();
    }

    static ObjectMetadata meta(long length) {
        ObjectMetadata m = new ObjectMetadata();
        m.setContentLength(length);
        return m;
    }

    static void put(String bucket, String key, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s3.putObject(bucket, key, new ByteArrayInputStream(b), meta(b.length));
    }

    static String read(String bucket, String key) throws IOException {
        try (S3Object o = s3.getObject(bucket, key)) {
            return new String(o.getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bucketLifecycleAndExtendedListing() {
        s3.createBucket("hmac-buckets-a");
        s3.createBucket("hmac-buckets-b");
        assertThat(s3.doesBucketExistV2("hmac-buckets-a")).isTrue();
        assertThat(s3.doesBucketExistV2("hmac-no-such-bucket")).isFalse();
        assertThat(s3.listBuckets()).extracting(Bucket::getName).contains("hmac-buckets-a", "hmac-buckets-b");
        List<Bucket> extended = s3.listBucketsExtended().getBuckets();
        assertThat(extended).filteredOn(b -> b.getName().equals("hmac-buckets-a"))
                .singleElement().extracting(Bucket::getLocationConstraint).isEqualTo("us-standard");
        put("hmac-buckets-b", "k", "v");
        assertThatThrownBy(() -> s3.deleteBucket("hmac-buckets-b"))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getErrorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject("hmac-buckets-b", "k");
        s3.deleteBucket("hmac-buckets-b");
        assertThat(s3.doesBucketExistV2("hmac-buckets-b")).isFalse();
    }

    @Test
    void putGetMetadataRangesAndCopyWithReplace() throws Exception {
        s3.createBucket("hmac-objects");
        byte[] body = "hello, immutable world".getBytes(StandardCharsets.UTF_8);
        ObjectMetadata m = meta(body.length);
        m.setContentType("text/plain");
        m.addUserMetadata("colour", "blue");
        s3.putObject("hmac-objects", "dir/ä ö+x.txt", new ByteArrayInputStream(body), m);

        ObjectMetadata head = s3.getObjectMetadata("hmac-objects", "dir/ä ö+x.txt");
        assertThat(head.getContentLength()).isEqualTo(body.length);
        assertThat(head.getContentType()).isEqualTo("text/plain");
        assertThat(head.getUserMetaDataOf("colour")).isEqualTo("blue");
        assertThat(head.getETag()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)));

        try (S3Object part = s3.getObject(new GetObjectRequest("hmac-objects", "dir/ä ö+x.txt").withRange(7, 15))) {
            assertThat(new String(part.getObjectContent().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("immutable");
        }

        ObjectMetadata replaced = new ObjectMetadata();
        replaced.setContentType("application/x-test");
        replaced.addUserMetadata("colour", "red");
        s3.copyObject(new CopyObjectRequest("hmac-objects", "dir/ä ö+x.txt", "hmac-objects", "copy/1").withNewObjectMetadata(replaced));
        ObjectMetadata copied = s3.getObjectMetadata("hmac-objects", "copy/1");
        assertThat(copied.getUserMetaDataOf("colour")).isEqualTo("red");
        assertThat(copied.getContentType()).isEqualTo("application/x-test");
        assertThat(read("hmac-objects", "copy/1")).isEqualTo("hello, immutable world");

        s3.copyObject("hmac-objects", "dir/ä ö+x.txt", "hmac-objects", "copy/2");
        assertThat(s3.getObjectMetadata("hmac-objects", "copy/2").getUserMetaDataOf("colour")).isEqualTo("blue");

        assertThatThrownBy(() -> s3.getObject("hmac-objects", "missing"))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
    }

    @Test
    void listingsAndDeleteObjects() throws IOException {
        s3.createBucket("hmac-lists");
        for (String k : List.of("a/1", "a/2", "b/1", "c", "a/sub/3")) {
            put("hmac-lists", k, k);
        }
        ObjectListing v1 = s3.listObjects(new ListObjectsRequest()
                .withBucketName("hmac-lists").withDelimiter("/"));
        assertThat(v1.getCommonPrefixes()).containsExactly("a/", "b/");
        assertThat(v1.getObjectSummaries()).extracting(S3ObjectSummary::getKey).containsExactly("c");

        ListObjectsV2Result page1 = s3.listObjectsV2(new ListObjectsV2Request().withBucketName("hmac-lists").withMaxKeys(2));
        assertThat(page1.isTruncated()).isTrue();
        assertThat(page1.getObjectSummaries()).extracting(S3ObjectSummary::getKey).containsExactly("a/1", "a/2");
        ListObjectsV2Result page2 = s3.listObjectsV2(new ListObjectsV2Request().withBucketName("hmac-lists").withMaxKeys(10)
                .withContinuationToken(page1.getNextContinuationToken()));
        assertThat(page2.getObjectSummaries()).extracting(S3ObjectSummary::getKey).containsExactly("a/sub/3", "b/1", "c");

        DeleteObjectsResult result = s3.deleteObjects(new DeleteObjectsRequest("hmac-lists").withKeys("a/1", "a/2", "nope"));
        assertThat(result.getDeletedObjects()).hasSize(3);
        assertThat(s3.listObjectsV2("hmac-lists").getKeyCount()).isEqualTo(3);
    }

    @Test
    void virtualHostStyleWithHeaderSignatures() throws IOException {
        s3.createBucket("hmac-vhost");
        // bucket.localhost does not resolve here: the SDK's resolver maps every name to loopback, the Host header
        // keeps the virtual-host form (hmac-vhost.localhost:PORT) that the emulator must parse and verify
        Set<String> resolved = ConcurrentHashMap.newKeySet();
        DnsResolver loopback = host -> {
            resolved.add(host);
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };
        AmazonS3 vhost = AmazonS3ClientBuilder.standard()
                .withCredentials(new AWSStaticCredentialsProvider(
                        new BasicAWSCredentials(cos.accessKey(), cos.secretKey())))
                .withEndpointConfiguration(new EndpointConfiguration(
                        "http://localhost:" + cos.port(), "us-standard"))
                .withClientConfiguration(new ClientConfiguration().withDnsResolver(loopback))
                .build();
        try {
            put("hmac-vhost", "seed", "x");
            vhost.putObject("hmac-vhost", "dir/v host.txt", "through the virtual host");
            assertThat(read("hmac-vhost", "dir/v host.txt")).isEqualTo("through the virtual host");
            assertThat(vhost.getObjectAsString("hmac-vhost", "seed")).isEqualTo("x");
            assertThat(vhost.listObjectsV2("hmac-vhost").getKeyCount()).isEqualTo(2);
            assertThat(resolved).containsExactly("hmac-vhost.localhost");
        } finally {
            vhost.shutdown();
        }
    }

    @Test
    void transferManagerUploadsHundredMebibytesWithMd5Validation(@TempDir Path dir) throws Exception {
        s3.createBucket("hmac-transfer");
        Path file = dir.resolve("big.bin");
        byte[] block = new byte[1024 * 1024];
        new Random(7).nextBytes(block);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 100; i++) {
                block[0] = (byte) i;
                out.write(block);
                expected.update(block);
            }
        }
        TransferManager tm = TransferManagerBuilder.standard().withS3Client(s3)
                .withMultipartUploadThreshold(16L * 1024 * 1024).withMinimumUploadPartSize(16L * 1024 * 1024).build();
        try {
            Upload upload = tm.upload("hmac-transfer", "big.bin", file.toFile());
            String etag = upload.waitForUploadResult().getETag();
            assertThat(etag).endsWith("-7");
        } finally {
            tm.shutdownNow(false);
        }
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        try (S3Object o = s3.getObject("hmac-transfer", "big.bin");
                InputStream in = new DigestInputStream(o.getObjectContent(), actual)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(actual.digest()).isEqualTo(expected.digest());
        assertThat(cos.stats().count("UploadPart")).isEqualTo(7);
        assertThat(Map.copyOf(cos.stats().snapshot())).containsKey("CompleteMultipartUpload");
    }
}
