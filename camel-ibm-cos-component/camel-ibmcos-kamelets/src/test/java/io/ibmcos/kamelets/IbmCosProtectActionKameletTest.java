package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ProtectionConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * {@code kamelet:ibmcos-protect-action} between {@code direct:} and a mock: the hold or retention lands on the
 * object, and the message goes on unchanged.
 */
class IbmCosProtectActionKameletTest extends KameletRuntimeTestSupport {

    private static final long DAY = 24 * 3600L;

    /** A bucket with retention 1 to 30 days (default 1 day) holding {@code key}. */
    static String protectedBucketWith(String key) {
        String bucket = newBucket();
        cos.putBucketProtectionConfiguration(bucket, ProtectionConfiguration.retention(1, 1, 30, false));
        putObject(bucket, key, "evidence");
        return bucket;
    }

    private String action(String bucket, String options) throws Exception {
        hmacConnection("ibmcos-protect-action");
        String from = "direct:" + bucket;
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to("kamelet:ibmcos-protect-action?bucketName=" + bucket + "&" + options)
                        .to("mock:after");
            }
        });
        return from;
    }

    private Exchange send(String from, Map<String, Object> headers) {
        return template.send(from, e -> {
            e.getMessage().setBody("the message");
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    static List<String> holds(String bucket, String key) {
        return cos.listLegalHolds(bucket, key).legalHolds().stream().map(LegalHold::id).toList();
    }

    @Test
    void legalHoldOnTheObjectNamedBySourceHeadersMessageUnchanged() throws Exception {
        String bucket = protectedBucketWith("in/a.txt");
        String from = action(bucket, "legalHoldId=audit-2026");
        MockEndpoint after = getMockEndpoint("mock:after");
        after.expectedBodiesReceived("the message");

        Exchange sent = send(from, Map.of("CamelIbmCosKey", "in/a.txt", "CamelIbmCosBucketName", "elsewhere",
                "CamelIbmCosETag", "abc", "custom", "kept"));

        assertThat(sent.getException()).isNull();
        after.assertIsSatisfied();
        assertThat(holds(bucket, "in/a.txt")).containsExactly("audit-2026");
        var out = after.getReceivedExchanges().get(0).getMessage().getHeaders();
        assertThat(out).containsEntry("CamelIbmCosKey", "in/a.txt").containsEntry("CamelIbmCosBucketName", "elsewhere")
                .containsEntry("CamelIbmCosETag", "abc").containsEntry("custom", "kept")
                .doesNotContainKeys("CamelIbmCosLegalHoldId", "CamelIbmCosOperation");
    }

    @Test
    void keyFromFileThenCeFile() throws Exception {
        String bucket = protectedBucketWith("from-file.txt");
        putObject(bucket, "from-ce-file.txt", "x");
        String from = action(bucket, "legalHoldId=h1");

        assertThat(send(from, Map.of("file", "from-file.txt", "ce-file", "from-ce-file.txt")).getException())
                .isNull();
        assertThat(send(from, Map.of("ce-file", "from-ce-file.txt")).getException()).isNull();

        assertThat(holds(bucket, "from-file.txt")).containsExactly("h1");
        assertThat(holds(bucket, "from-ce-file.txt")).containsExactly("h1");
    }

    @Test
    void messageNamingNoObjectFails() throws Exception {
        String bucket = protectedBucketWith("a.txt");
        String from = action(bucket, "legalHoldId=h1");
        emulator.stats().reset();

        Exchange sent = send(from, Map.of());

        assertThat(sent.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelIbmCosKey, file or ce-file");
        assertThat(stats()).isEmpty();
    }

    @Test
    void additionalRetentionPeriod() throws Exception {
        String bucket = protectedBucketWith("a.txt");
        long before = cos.headObject(bucket, "a.txt").retentionPeriod();
        String from = action(bucket, "additionalRetentionPeriod=" + DAY);

        assertThat(send(from, Map.of("file", "a.txt")).getException()).isNull();

        assertThat(cos.headObject(bucket, "a.txt").retentionPeriod()).isEqualTo(before + DAY);
        assertThat(holds(bucket, "a.txt")).isEmpty();
    }

    @Test
    void extendRetentionFromCurrentTime() throws Exception {
        String bucket = protectedBucketWith("a.txt");
        Instant sentAt = Instant.now();
        String from = action(bucket, "extendRetentionFromCurrentTime=" + 10 * DAY);

        assertThat(send(from, Map.of("file", "a.txt")).getException()).isNull();

        ObjectMetadata md = cos.headObject(bucket, "a.txt");
        assertThat(md.retentionExpirationDate()).isAfterOrEqualTo(sentAt.plus(Duration.ofDays(10)).minusSeconds(1));
    }

    @Test
    void newRetentionPeriod() throws Exception {
        String bucket = protectedBucketWith("a.txt");
        String from = action(bucket, "newRetentionPeriod=" + 5 * DAY);

        assertThat(send(from, Map.of("file", "a.txt")).getException()).isNull();

        assertThat(cos.headObject(bucket, "a.txt").retentionPeriod()).isEqualTo(5 * DAY);
    }

    @Test
    void holdAndRetentionTogether() throws Exception {
        String bucket = protectedBucketWith("a.txt");
        String from = action(bucket, "legalHoldId=both&newRetentionPeriod=" + 3 * DAY);

        assertThat(send(from, Map.of("file", "a.txt")).getException()).isNull();

        assertThat(holds(bucket, "a.txt")).containsExactly("both");
        assertThat(cos.headObject(bucket, "a.txt").retentionPeriod()).isEqualTo(3 * DAY);
    }

    @Test
    void failedCallFailsTheMessage() throws Exception {
        // shortening retention is refused by COS: the error reaches the caller instead of passing silently
        String bucket = protectedBucketWith("a.txt");
        String from = action(bucket, "newRetentionPeriod=1");
        MockEndpoint after = getMockEndpoint("mock:after");
        after.expectedMessageCount(0);

        Exchange sent = send(from, Map.of("file", "a.txt"));

        assertThat(sent.getException()).isNotNull();
        after.assertIsSatisfied();
    }
}
