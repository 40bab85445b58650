package io.ibmcos.camel.integration;

import static io.ibmcos.camel.IbmCosOperation.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.Bucket;
import io.ibmcos.client.model.DeleteObjectsResult;
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.client.model.ProtectionConfiguration;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every operation through real routes against the emulator, once with IAM and once with HMAC credentials. */
class IbmCosEmulatorOperationsIT extends IbmCosEmulatorITSupport {

    @ParameterizedTest
    @EnumSource(Auth.class)
    void bucketOperations(Auth auth) {
        String bucket = newBucket("ops-bucket");
        assertThat(op(auth, bucket, headBucket).ok().getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS))
                .isEqualTo(false);
        op(auth, bucket, createBucket).ok();
        Exchange head = op(auth, bucket, headBucket).ok();
        assertThat(head.getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS)).isEqualTo(true);
        assertThat(head.getMessage().getHeader(IbmCosConstants.KEY_PROTECT_ENABLED)).isEqualTo(false);

        List<?> buckets = op(auth, bucket, listBuckets).ok().getMessage().getBody(List.class);
        assertThat(buckets).extracting(b -> ((Bucket) b).name()).contains(bucket);

        op(auth, bucket, deleteBucket).ok();
        assertThat(op(auth, bucket, headBucket).ok().getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS))
                .isEqualTo(false);
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void objectOperations(Auth auth) {
        String bucket = newBucket("ops-objects");
        op(auth, bucket, createBucket).ok();

        Exchange put = op(auth, bucket, putObject).key("docs/a.txt").body("Hello, IBM COS")
                .header(IbmCosConstants.CONTENT_TYPE, "text/plain")
                .header(IbmCosConstants.METADATA, Map.of("owner", "camel")).ok();
        String eTag = put.getMessage().getHeader(IbmCosConstants.E_TAG, String.class);
        assertThat(eTag).isNotBlank().doesNotContain("\"");

        Exchange head = op(auth, bucket, headObject).key("docs/a.txt").ok();
        assertThat(head.getMessage().getHeader(IbmCosConstants.CONTENT_LENGTH)).isEqualTo(14L);
        assertThat(head.getMessage().getHeader(IbmCosConstants.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(head.getMessage().getHeader(IbmCosConstants.METADATA)).isEqualTo(Map.of("owner", "camel"));
        assertThat(head.getMessage().getHeader(IbmCosConstants.E_TAG)).isEqualTo(eTag);

        Exchange get = op(auth, bucket, getObject).key("docs/a.txt").ok();
        assertThat(get.getMessage().getBody(String.class)).isEqualTo("Hello, IBM COS");

        Exchange range = op(auth, bucket, getObjectRange).key("docs/a.txt")
                .header(IbmCosConstants.RANGE_START, 7L).header(IbmCosConstants.RANGE_END, 9L).ok();
        assertThat(range.getMessage().getBody(String.class)).isEqualTo("IBM");

        op(auth, bucket, copyObject).key("docs/a.txt").header(IbmCosConstants.DESTINATION_KEY, "docs/b.txt").ok();
        assertThat(op(auth, bucket, getObject).key("docs/b.txt").ok().getMessage().getBody(String.class))
                .isEqualTo("Hello, IBM COS");

        op(auth, bucket, updateMetadata).key("docs/b.txt").header(IbmCosConstants.METADATA, Map.of("v", "2"))
                .header(IbmCosConstants.CONTENT_TYPE, "text/markdown").ok();
        Exchange updated = op(auth, bucket, headObject).key("docs/b.txt").ok();
        assertThat(updated.getMessage().getHeader(IbmCosConstants.METADATA)).isEqualTo(Map.of("v", "2"));
        assertThat(updated.getMessage().getHeader(IbmCosConstants.CONTENT_TYPE)).isEqualTo("text/markdown");

        for (int i = 0; i < 3; i++) {
            op(auth, bucket, putObject).key("logs/" + i).body(new byte[] { (byte) i }).ok();
        }
        Exchange page = op(auth, bucket, listObjects).header(IbmCosConstants.PREFIX, "logs/")
                .header(IbmCosConstants.MAX_KEYS, 2).ok();
        assertThat(keys(page)).containsExactly("logs/0", "logs/1");
        assertThat(page.getMessage().getHeader(IbmCosConstants.IS_TRUNCATED)).isEqualTo(true);
        Exchange next = op(auth, bucket, listObjects).header(IbmCosConstants.PREFIX, "logs/")
                .header(IbmCosConstants.MAX_KEYS, 2)
                .header(IbmCosConstants.CONTINUATION_TOKEN, page.getMessage().getHeader(IbmCosConstants.CONTINUATION_TOKEN))
                .ok();
        assertThat(keys(next)).containsExactly("logs/2");
        Exchange folders = op(auth, bucket, listObjects).header(IbmCosConstants.DELIMITER, "/").ok();
        assertThat(folders.getMessage().getHeader(IbmCosConstants.COMMON_PREFIXES)).isEqualTo(List.of("docs/", "logs/"));

        op(auth, bucket, deleteObject).key("docs/a.txt").ok();
        Exception gone = op(auth, bucket, headObject).key("docs/a.txt").fails();
        assertThat(gone).isInstanceOf(CosServiceException.class);
        assertThat(((CosServiceException) gone).statusCode()).isEqualTo(404);

        Exchange deleted = op(auth, bucket, deleteObjects)
                .header(IbmCosConstants.KEYS_TO_DELETE, List.of("docs/b.txt", "logs/0", "logs/1", "logs/2")).ok();
        assertThat(deleted.getMessage().getBody(DeleteObjectsResult.class).deleted()).hasSize(4);
        assertThat(keys(op(auth, bucket, listObjects).ok())).isEmpty();
        op(auth, bucket, deleteBucket).ok();
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void deleteObjectsBeyondOneBatch(Auth auth) {
        String bucket = newBucket("ops-many");
        op(auth, bucket, createBucket).ok();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            keys.add(String.format("k%04d", i));
            op(auth, bucket, putObject).key(keys.get(i)).body("x").ok();
        }
        op(auth, bucket, deleteObjects).body(keys).ok();
        Exchange all = op(auth, bucket, listObjects).ok();
        assertThat(keys(all)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void unknownLengthStreamGoesAsMultipartWithBoundedMemory(Auth auth) {
        String bucket = newBucket("ops-stream");
        op(auth, bucket, createBucket).ok();
        byte[] data = new byte[20 * 1024 * 1024 + 123];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        // an InputStream without a length header, sent straight to the endpoint: a route would stream-cache it first
        // (Camel's default), which gives it a known length and a single PUT
        InputStream in = new ByteArrayInputStream(data);
        Exchange put = template.send("ibmcos:" + bucket + "?keyName=big.bin&" + auth.uriOptions(emulator),
                e -> e.getMessage().setBody(in));
        assertThat(put.getException()).isNull();
        assertThat(put.getMessage().getHeader(IbmCosConstants.PART_COUNT)).isEqualTo(2);
        assertThat(put.getMessage().getHeader(IbmCosConstants.UPLOAD_ID)).isNotNull();
        byte[] back = op(auth, bucket, getObject).key("big.bin").ok().getMessage().getBody(byte[].class);
        assertThat(back).isEqualTo(data);

        Exchange sized = template.send("ibmcos:" + bucket + "?keyName=sized.bin&multipartThreshold=67108864&"
                + auth.uriOptions(emulator), e -> {
            e.getMessage().setBody(new ByteArrayInputStream(data));
            e.getMessage().setHeader(IbmCosConstants.CONTENT_LENGTH, (long) data.length);
        });
        assertThat(sized.getException()).isNull();
        assertThat(sized.getMessage().getHeader(IbmCosConstants.PART_COUNT)).as("length given: one streamed PUT")
                .isNull();
        assertThat(op(auth, bucket, getObject).key("sized.bin").ok().getMessage().getBody(byte[].class)).isEqualTo(data);

        Exchange cached = op(auth, bucket, putObject).key("cached.bin").body(new ByteArrayInputStream(data)).ok();
        assertThat(cached.getMessage().getHeader(IbmCosConstants.PART_COUNT))
                .as("stream cache: known length above the 16 MiB threshold, parallel multipart").isEqualTo(2);
        assertThat(op(auth, bucket, getObject).key("cached.bin").ok().getMessage().getBody(byte[].class)).isEqualTo(data);
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void immutabilityOperations(Auth auth) {
        String bucket = newBucket("ops-worm");
        op(auth, bucket, createBucket).ok();
        op(auth, bucket, putBucketProtectionConfiguration).header(IbmCosConstants.MINIMUM_RETENTION_DAYS, 1)
                .header(IbmCosConstants.DEFAULT_RETENTION_DAYS, 2).header(IbmCosConstants.MAXIMUM_RETENTION_DAYS, 30)
                .ok();
        Exchange config = op(auth, bucket, getBucketProtectionConfiguration).ok();
        assertThat(config.getMessage().getBody(ProtectionConfiguration.class))
                .isEqualTo(ProtectionConfiguration.retention(1, 2, 30, false));

        op(auth, bucket, putObject).key("record.txt").body("immutable").ok();
        op(auth, bucket, addLegalHold).key("record.txt").header(IbmCosConstants.LEGAL_HOLD_ID, "case-1").ok();
        Exchange holds = op(auth, bucket, listLegalHolds).key("record.txt").ok();
        assertThat(holds.getMessage().getBody(List.class)).extracting(h -> ((LegalHold) h).id()).containsExactly("case-1");
        assertThat(holds.getMessage().getHeader(IbmCosConstants.RETENTION_PERIOD)).isEqualTo(2 * 86400L);
        op(auth, bucket, deleteLegalHold).key("record.txt").header(IbmCosConstants.LEGAL_HOLD_ID, "case-1").ok();
        assertThat(op(auth, bucket, listLegalHolds).key("record.txt").ok().getMessage().getBody(List.class)).isEmpty();

        op(auth, bucket, extendRetention).key("record.txt")
                .header(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD, 86400L).ok();
        assertThat(op(auth, bucket, headObject).key("record.txt").ok().getMessage()
                .getHeader(IbmCosConstants.RETENTION_PERIOD)).isEqualTo(3 * 86400L);
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void createPresignedUrl(Auth auth) throws Exception {
        String bucket = newBucket("ops-presign");
        op(auth, bucket, createBucket).ok();
        op(auth, bucket, putObject).key("shared.txt").body("shared content").ok();
        if (auth == Auth.IAM) {
            Exception e = op(auth, bucket, createPresignedUrl).key("shared.txt").fails();
            assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("HMAC")
                    .hasMessageContaining("accessKey");
            return;
        }
        String url = op(auth, bucket, createPresignedUrl).key("shared.txt").ok().getMessage().getBody(String.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("shared content");

        String putUrl = op(auth, bucket, createPresignedUrl).key("uploaded.txt")
                .header(IbmCosConstants.PRESIGN_METHOD, "PUT").ok().getMessage().getBody(String.class);
        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(putUrl))
                .PUT(HttpRequest.BodyPublishers.ofString("via presigned PUT")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(op(auth, bucket, getObject).key("uploaded.txt").ok().getMessage().getBody(String.class))
                .isEqualTo("via presigned PUT");
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void extendedBucketListingReportsTheLocation(Auth auth) {
        String bucket = newBucket("ops-ext");
        op(auth, bucket, createBucket).ok();
        List<?> buckets = template.send("ibmcos:" + bucket + "?operation=listBuckets&extendedListing=true&"
                + auth.uriOptions(emulator), e -> { }).getMessage().getBody(List.class);
        assertThat(buckets).extracting(b -> ((Bucket) b).name()).contains(bucket);
        assertThat(buckets).filteredOn(b -> ((Bucket) b).name().equals(bucket))
                .extracting(b -> ((Bucket) b).locationConstraint()).doesNotContainNull();
    }

    private static List<String> keys(Exchange e) {
        List<?> list = e.getMessage().getBody(List.class);
        return list.stream().map(o -> ((ObjectSummary) o).key()).toList();
    }
}
