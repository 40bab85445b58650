package io.ibmcos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.producer.DeleteObjectsFailedException;
import io.ibmcos.camel.support.FakeCosClient;
import io.ibmcos.camel.support.IbmCosTestSupport;
import io.ibmcos.client.model.Bucket;
import io.ibmcos.client.model.CopyObjectResult;
import io.ibmcos.client.model.DeleteObjectsResult;
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.client.model.ProtectionConfiguration;
import io.ibmcos.client.model.RetentionExtension;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** One test per operation, so an operation without a working handler fails a test. */
class IbmCosProducerOperationsTest extends IbmCosTestSupport {

    private static final String COS = "ibmcos:" + BUCKET;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to(COS + "?operation=getObject").convertBodyTo(String.class);
            }
        };
    }

    @Test
    void putObject() {
        Exchange e = sendOk(COS + "?keyName=hello.txt", "Hello COS",
                Map.of(IbmCosConstants.CONTENT_TYPE, "text/plain", IbmCosConstants.METADATA, Map.of("team", "a")));
        assertThat(text("hello.txt")).isEqualTo("Hello COS");
        io.ibmcos.camel.support.StoredObject o = fake.object(BUCKET, "hello.txt");
        assertThat(o.headers.contentType()).isEqualTo("text/plain");
        assertThat(o.headers.userMetadata()).containsEntry("team", "a");
        assertThat(e.getMessage().getHeader(IbmCosConstants.E_TAG)).isEqualTo(o.eTag);
        assertThat(e.getMessage().getBody()).as("putObject keeps the body").isEqualTo("Hello COS");
    }

    @Test
    void getObject() {
        putText("a.txt", "content of a");
        Exchange e = template.send("direct:get", x -> x.getMessage().setHeader(IbmCosConstants.KEY, "a.txt"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getBody(String.class)).isEqualTo("content of a");
        assertThat(e.getMessage().getHeader(IbmCosConstants.CONTENT_LENGTH)).isEqualTo(12L);
        assertThat(e.getMessage().getHeader(IbmCosConstants.E_TAG)).isEqualTo(fake.object(BUCKET, "a.txt").eTag);
        assertThat(fake.openStreams()).as("the download is closed when the exchange completes").isZero();
    }

    @Test
    void getObjectClosesTheStreamEvenWhenTheRouteNeverReadsIt() {
        putText("a.txt", "unread");
        Exchange e = sendOk(COS + "?operation=getObject&keyName=a.txt", null, Map.of());
        assertThat(e.getMessage().getBody()).isInstanceOf(InputStream.class);
        assertThat(fake.openStreams()).isZero();
    }

    @Test
    void getObjectRange() {
        putText("r.txt", "0123456789");
        Exchange e = template.send(COS + "?operation=getObjectRange&keyName=r.txt", x -> {
            x.getMessage().setHeader(IbmCosConstants.RANGE_START, 2L);
            x.getMessage().setHeader(IbmCosConstants.RANGE_END, 5L);
        });
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(IbmCosConstants.CONTENT_LENGTH)).isEqualTo(4L);
        assertThat(recorder.last("getObject").arg(0).toString()).contains("rangeStart=2", "rangeEnd=5");
    }

    @Test
    void getObjectRangeWithoutStartFailsBeforeAnyRequest() {
        Exception ex = sendFail(COS + "?operation=getObjectRange&keyName=r.txt", null, Map.of());
        assertThat(ex).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(IbmCosConstants.RANGE_START);
        assertThat(recorder.requests()).isZero();
    }

    @Test
    void headObject() {
        putText("h.txt", "12345");
        Exchange e = sendOk(COS + "?operation=headObject&keyName=h.txt", null, Map.of());
        assertThat(e.getMessage().getBody()).isInstanceOf(ObjectMetadata.class);
        assertThat(e.getMessage().getHeader(IbmCosConstants.CONTENT_LENGTH)).isEqualTo(5L);
        assertThat(e.getMessage().getHeader(IbmCosConstants.LAST_MODIFIED)).isInstanceOf(Instant.class);
        assertThat(e.getMessage().getHeader(IbmCosConstants.E_TAG)).isEqualTo(fake.object(BUCKET, "h.txt").eTag);
    }

    @Test
    void deleteObject() {
        putText("d.txt", "x");
        sendOk(COS + "?operation=deleteObject", null, Map.of(IbmCosConstants.KEY, "d.txt"));
        assertThat(fake.object(BUCKET, "d.txt")).isNull();
    }

    @Test
    void deleteObjects() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            putText("k" + i, "v");
            keys.add("k" + i);
        }
        Exchange e = sendOk(COS + "?operation=deleteObjects", null,
                Map.of(IbmCosConstants.KEYS_TO_DELETE, keys.subList(0, 3)));
        assertThat(e.getMessage().getBody(DeleteObjectsResult.class).deleted()).containsExactly("k0", "k1", "k2");
        assertThat(fake.bucket(BUCKET).objects.keySet()).containsExactly("k3", "k4");
    }

    @Test
    void deleteObjectsTakesAListBodyAndFailsOnPartialFailure() {
        putText("free", "v");
        putText("held", "v");
        fake.addLegalHold(BUCKET, "held", "hold-1");
        Exception ex = sendFail(COS + "?operation=deleteObjects", List.of("free", "held"), Map.of());
        assertThat(ex).isInstanceOf(DeleteObjectsFailedException.class).hasMessageContaining("held (AccessDenied)");
        assertThat(((DeleteObjectsFailedException) ex).result().deleted()).containsExactly("free");
    }

    @Test
    void copyObject() {
        putText("src.txt", "copy me");
        fake.withBucket("other");
        Exchange e = sendOk(COS + "?operation=copyObject&keyName=src.txt&allowBucketOverride=true", null,
                Map.of(IbmCosConstants.DESTINATION_BUCKET_NAME, "other", IbmCosConstants.DESTINATION_KEY, "dst.txt"));
        assertThat(new String(fake.object("other", "dst.txt").data)).isEqualTo("copy me");
        assertThat(e.getMessage().getBody()).isInstanceOf(CopyObjectResult.class);
        assertThat(e.getMessage().getHeader(IbmCosConstants.E_TAG)).isEqualTo(fake.object("other", "dst.txt").eTag);
    }

    @Test
    void copyObjectWithReplacedMetadata() {
        putText("src.txt", "copy me");
        sendOk(COS + "?operation=copyObject&keyName=src.txt", null,
                Map.of(IbmCosConstants.DESTINATION_KEY, "dst.txt", IbmCosConstants.METADATA_DIRECTIVE, "REPLACE",
                        IbmCosConstants.METADATA, Map.of("state", "copied")));
        assertThat(fake.object(BUCKET, "dst.txt").headers.userMetadata()).containsExactly(Map.entry("state", "copied"));
    }

    @Test
    void updateMetadata() {
        putText("m.txt", "body stays");
        sendOk(COS + "?operation=updateMetadata&keyName=m.txt", null,
                Map.of(IbmCosConstants.METADATA, Map.of("v", "2"), IbmCosConstants.CONTENT_TYPE, "text/csv"));
        io.ibmcos.camel.support.StoredObject o = fake.object(BUCKET, "m.txt");
        assertThat(o.headers.userMetadata()).containsExactly(Map.entry("v", "2"));
        assertThat(o.headers.contentType()).isEqualTo("text/csv");
        assertThat(new String(o.data)).isEqualTo("body stays");
    }

    @Test
    void updateMetadataWithoutAnyMetadataHeaderFails() {
        putText("m.txt", "x");
        Exception ex = sendFail(COS + "?operation=updateMetadata&keyName=m.txt", null, Map.of());
        assertThat(ex).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(IbmCosConstants.METADATA);
        assertThat(recorder.count("copyObject")).isZero();
    }

    @Test
    void listObjects() {
        for (String k : List.of("a", "b", "c")) {
            putText(k, k);
        }
        Exchange e = sendOk(COS + "?operation=listObjects&maxKeys=2", null, Map.of());
        List<?> page = e.getMessage().getBody(List.class);
        assertThat(page).extracting(o -> ((ObjectSummary) o).key()).containsExactly("a", "b");
        assertThat(e.getMessage().getHeader(IbmCosConstants.IS_TRUNCATED)).isEqualTo(true);
        String token = e.getMessage().getHeader(IbmCosConstants.CONTINUATION_TOKEN, String.class);
        assertThat(token).isNotNull();

        Exchange next = sendOk(COS + "?operation=listObjects&maxKeys=2", null,
                Map.of(IbmCosConstants.CONTINUATION_TOKEN, token));
        assertThat(next.getMessage().getBody(List.class)).extracting(o -> ((ObjectSummary) o).key())
                .containsExactly("c");
        assertThat(next.getMessage().getHeader(IbmCosConstants.IS_TRUNCATED)).isEqualTo(false);
        assertThat(next.getMessage().getHeader(IbmCosConstants.CONTINUATION_TOKEN))
                .as("the last page leaves no token behind, so a loop on the token ends").isNull();
    }

    @Test
    void listBuckets() {
        fake.withBucket("another");
        Exchange e = sendOk(COS + "?operation=listBuckets", null, Map.of());
        assertThat(e.getMessage().getBody(List.class)).extracting(b -> ((Bucket) b).name())
                .containsExactly("another", BUCKET);
    }

    @Test
    void createBucket() {
        sendOk("ibmcos:new-bucket?operation=createBucket", null, Map.of());
        assertThat(fake.bucket("new-bucket")).isNotNull();
    }

    @Test
    void deleteBucket() {
        fake.withBucket("doomed");
        sendOk("ibmcos:doomed?operation=deleteBucket", null, Map.of());
        assertThat(fake.bucket("doomed")).isNull();
    }

    @Test
    void headBucket() {
        Exchange there = sendOk(COS + "?operation=headBucket", null, Map.of());
        assertThat(there.getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS)).isEqualTo(true);
        assertThat(there.getMessage().getBody()).isEqualTo(true);
        Exchange missing = sendOk("ibmcos:missing?operation=headBucket", null, Map.of());
        assertThat(missing.getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS)).isEqualTo(false);
        assertThat(missing.getMessage().getBody()).isEqualTo(false);
    }

    @Test
    void putBucketProtectionConfiguration() {
        sendOk(COS + "?operation=putBucketProtectionConfiguration", null,
                Map.of(IbmCosConstants.MINIMUM_RETENTION_DAYS, 1, IbmCosConstants.DEFAULT_RETENTION_DAYS, "2",
                        IbmCosConstants.MAXIMUM_RETENTION_DAYS, 3));
        assertThat(fake.bucket(BUCKET).protection).isEqualTo(ProtectionConfiguration.retention(1, 2, 3, false));

        sendOk(COS + "?operation=putBucketProtectionConfiguration", ProtectionConfiguration.retention(0, 5, 10, false),
                Map.of());
        assertThat(fake.bucket(BUCKET).protection.defaultRetentionDays()).isEqualTo(5);
    }

    @Test
    void getBucketProtectionConfiguration() {
        fake.putBucketProtectionConfiguration(BUCKET, ProtectionConfiguration.retention(1, 2, 3, true));
        Exchange e = sendOk(COS + "?operation=getBucketProtectionConfiguration", null, Map.of());
        assertThat(e.getMessage().getBody()).isEqualTo(ProtectionConfiguration.retention(1, 2, 3, true));
        assertThat(e.getMessage().getHeader(IbmCosConstants.PROTECTION_STATUS)).isEqualTo("Retention");
        assertThat(e.getMessage().getHeader(IbmCosConstants.DEFAULT_RETENTION_DAYS)).isEqualTo(2);
        assertThat(e.getMessage().getHeader(IbmCosConstants.ENABLE_PERMANENT_RETENTION)).isEqualTo(true);
    }

    @Test
    void addLegalHold() {
        putText("o", "x");
        sendOk(COS + "?operation=addLegalHold&keyName=o", null, Map.of(IbmCosConstants.LEGAL_HOLD_ID, "case-42"));
        assertThat(fake.object(BUCKET, "o").legalHolds).extracting(LegalHold::id).containsExactly("case-42");
    }

    @Test
    void deleteLegalHold() {
        putText("o", "x");
        fake.addLegalHold(BUCKET, "o", "case-42");
        sendOk(COS + "?operation=deleteLegalHold&keyName=o&legalHoldId=case-42", null, Map.of());
        assertThat(fake.object(BUCKET, "o").legalHolds).isEmpty();
    }

    @Test
    void listLegalHolds() {
        putText("o", "x");
        fake.addLegalHold(BUCKET, "o", "h1");
        fake.addLegalHold(BUCKET, "o", "h2");
        Exchange e = sendOk(COS + "?operation=listLegalHolds&keyName=o", null, Map.of());
        assertThat(e.getMessage().getBody(List.class)).extracting(h -> ((LegalHold) h).id()).containsExactly("h1", "h2");
        assertThat(e.getMessage().getHeader(IbmCosConstants.LEGAL_HOLDS)).isEqualTo(e.getMessage().getBody());
    }

    @Test
    void extendRetention() {
        putText("o", "x");
        sendOk(COS + "?operation=extendRetention&keyName=o", null,
                Map.of(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD, 3600L));
        assertThat(recorder.last("extendRetention").arg(2)).isEqualTo(new RetentionExtension.AdditionalPeriod(3600));
    }

    @Test
    void extendRetentionEachOfTheFourForms() {
        putText("o", "x");
        Instant date = Instant.parse("2040-01-01T00:00:00Z");
        Map<String, Object> forms = Map.of(IbmCosConstants.EXTEND_RETENTION_FROM_CURRENT_TIME, 60L,
                IbmCosConstants.NEW_RETENTION_PERIOD, 120L, IbmCosConstants.NEW_RETENTION_EXPIRATION_DATE,
                "2040-01-01T00:00:00Z");
        forms.forEach((h, v) -> sendOk(COS + "?operation=extendRetention&keyName=o", null, Map.of(h, v)));
        assertThat(recorder.calls()).filteredOn(c -> c.method().equals("extendRetention")).extracting(c -> c.arg(2))
                .containsExactlyInAnyOrder(new RetentionExtension.FromCurrentTime(60),
                        new RetentionExtension.NewPeriod(120), new RetentionExtension.NewExpirationDate(date));
    }

    @Test
    void extendRetentionNeedsExactlyOneHeaderBeforeAnyRequest() {
        putText("o", "x");
        long before = recorder.requests();
        Exception none = sendFail(COS + "?operation=extendRetention&keyName=o", null, Map.of());
        Exception two = sendFail(COS + "?operation=extendRetention&keyName=o", null,
                Map.of(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD, 1L, IbmCosConstants.NEW_RETENTION_PERIOD, 2L));
        assertThat(none).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none was set")
                .hasMessageContaining(IbmCosConstants.ADDITIONAL_RETENTION_PERIOD)
                .hasMessageContaining(IbmCosConstants.NEW_RETENTION_EXPIRATION_DATE);
        assertThat(two).hasMessageContaining("2 were set");
        assertThat(recorder.requests()).isEqualTo(before);
    }

    @Test
    void createPresignedUrl() {
        Exchange e = sendOk(COS + "?operation=createPresignedUrl&keyName=p.txt", null,
                Map.of(IbmCosConstants.PRESIGN_METHOD, "put", IbmCosConstants.PRESIGN_EXPIRY, 600L));
        assertThat(e.getMessage().getBody(String.class)).contains("/test-bucket/p.txt", "X-Amz-Method=PUT",
                "X-Amz-Expires=600");
    }
}
