package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.model.Bucket;
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ListBucketsExtendedRequest;
import io.ibmcos.client.model.ProtectionConfiguration;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** One test per ibmcos-sink property that shapes the write (the connection ones are in KameletConnectionTest). */
class IbmCosSinkPropertiesTest extends KameletRuntimeTestSupport {

    private static final int MIB = 1024 * 1024;

    private Exchange write(String bucket, String options, Object body) throws Exception {
        hmacConnection("ibmcos-sink");
        String from = "direct:" + bucket;
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to("kamelet:ibmcos-sink?bucketName=" + bucket + (options.isEmpty() ? "" : "&" + options));
            }
        });
        emulator.stats().reset();
        return template.send(from, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("file", "f.txt");
        });
    }

    @Test
    void keyName() throws Exception {
        String bucket = newBucket();
        assertThat(write(bucket, "keyName=named.txt", "x").getException()).isNull();
        assertThat(readObject(bucket, "named.txt")).isEqualTo("x");
    }

    @Test
    void keyPrefixAppliesToEveryKeySourceAndIsNotEvaluated() throws Exception {
        String bucket = newBucket();
        assertThat(write(bucket, "keyPrefix=in/${date:now:yyyy}/", "x").getException()).isNull();
        assertThat(readObject(bucket, "in/${date:now:yyyy}/f.txt")).isEqualTo("x");
    }

    @Test
    void keyPrefixWithKeyName() throws Exception {
        String bucket = newBucket();
        assertThat(write(bucket, "keyPrefix=p-&keyName=k.txt", "x").getException()).isNull();
        assertThat(readObject(bucket, "p-k.txt")).isEqualTo("x");
    }

    @Test
    void contentType() throws Exception {
        String bucket = newBucket();
        assertThat(write(bucket, "contentType=application/json", "{}").getException()).isNull();
        assertThat(cos.headObject(bucket, "f.txt").contentType()).isEqualTo("application/json");
    }

    @Test
    void autoCreateBucket() throws Exception {
        String bucket = freshBucketName();
        assertThat(write(bucket, "autoCreateBucket=true", "x").getException()).isNull();
        assertThat(readObject(bucket, "f.txt")).isEqualTo("x");
        assertThat(stats()).containsEntry("PutObject", 1L);
    }

    @Test
    void withoutAutoCreateBucketTheWriteFails() throws Exception {
        String bucket = freshBucketName();
        assertThat(write(bucket, "", "x").getException()).hasMessageContaining("NoSuchBucket");
    }

    @Test
    void locationConstraint() throws Exception {
        String bucket = freshBucketName();
        assertThat(write(bucket, "autoCreateBucket=true&locationConstraint=us-south-cold", "x").getException())
                .isNull();
        Bucket created = cos.listBucketsExtended(ListBucketsExtendedRequest.ALL).buckets().stream()
                .filter(b -> b.name().equals(bucket)).findFirst().orElseThrow();
        assertThat(created.locationConstraint()).isEqualTo("us-south-cold");
    }

    @Test
    void multiPartUploadSendsEvenASmallBodyAsMultipart() throws Exception {
        String bucket = newBucket();
        assertThat(write(bucket, "multiPartUpload=true", "small").getException()).isNull();
        assertThat(stats()).containsEntry("CreateMultipartUpload", 1L).containsEntry("UploadPart", 1L)
                .doesNotContainKey("PutObject");
        assertThat(readObject(bucket, "f.txt")).isEqualTo("small");
    }

    @Test
    void withoutMultiPartUploadASmallBodyIsOnePut() throws Exception {
        String bucket = newBucket();
        assertThat(write(bucket, "", "small").getException()).isNull();
        assertThat(stats()).containsEntry("PutObject", 1L).doesNotContainKey("CreateMultipartUpload");
    }

    @Test
    void partSize() throws Exception {
        String bucket = newBucket();
        byte[] body = new byte[11 * MIB];
        Arrays.fill(body, (byte) 'x');
        assertThat(write(bucket, "multiPartUpload=true&partSize=" + 5 * MIB, body).getException()).isNull();
        assertThat(stats()).containsEntry("UploadPart", 3L);
        assertThat(cos.headObject(bucket, "f.txt").contentLength()).isEqualTo(11L * MIB);
    }

    @Test
    void multipartThreshold() throws Exception {
        String bucket = newBucket();
        assertThat(write(bucket, "multipartThreshold=4", "more than four bytes").getException()).isNull();
        assertThat(stats()).containsEntry("CreateMultipartUpload", 1L).doesNotContainKey("PutObject");
    }

    @Test
    void retentionPeriod() throws Exception {
        String bucket = newBucket();
        cos.putBucketProtectionConfiguration(bucket, ProtectionConfiguration.retention(1, 1, 30, false));
        assertThat(write(bucket, "retentionPeriod=172800", "x").getException()).isNull();
        assertThat(cos.headObject(bucket, "f.txt").retentionPeriod()).isEqualTo(172800L);
    }

    @Test
    void legalHoldId() throws Exception {
        String bucket = newBucket();
        cos.putBucketProtectionConfiguration(bucket, ProtectionConfiguration.retention(1, 1, 30, false));
        assertThat(write(bucket, "legalHoldId=case-42", "x").getException()).isNull();
        assertThat(cos.listLegalHolds(bucket, "f.txt").legalHolds()).extracting(LegalHold::id)
                .containsExactly("case-42");
    }
}
