package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.ObjectMetadata;
import io.ibmcos.client.model.ObjectSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code kamelet:ibmcos-sink} from {@code direct:}: key precedence, header stripping and secrets. */
class IbmCosSinkKameletTest extends KameletRuntimeTestSupport {

    private String sink(String bucket, String options) throws Exception {
        hmacConnection("ibmcos-sink");
        String from = "direct:" + bucket;
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to("kamelet:ibmcos-sink?bucketName=" + bucket + (options.isEmpty() ? "" : "&" + options));
            }
        });
        return from;
    }

    static List<String> keys(String bucket) {
        return cos.listObjectsV2(ListObjectsRequest.of(bucket)).objects().stream().map(ObjectSummary::key).toList();
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                // keyName option, file header, ce-file header -> expected key (null = the exchange id)
                Arguments.of("fixed.txt", "from-file.txt", "from-ce-file.txt", "fixed.txt"),
                Arguments.of("fixed.txt", null, null, "fixed.txt"),
                Arguments.of(null, "from-file.txt", "from-ce-file.txt", "from-file.txt"),
                Arguments.of(null, null, "from-ce-file.txt", "from-ce-file.txt"),
                Arguments.of(null, null, null, null));
    }

    @ParameterizedTest(name = "keyName={0} file={1} ce-file={2} -> {3}")
    @MethodSource("precedence")
    void keyPrecedence(String keyName, String file, String ceFile, String expected) throws Exception {
        String bucket = newBucket();
        String from = sink(bucket, keyName == null ? "" : "keyName=" + keyName);
        Map<String, Object> headers = new HashMap<>();
        if (file != null) {
            headers.put("file", file);
        }
        if (ceFile != null) {
            headers.put("ce-file", ceFile);
        }
        // a component key header from upstream never names the object
        headers.put("CamelIbmCosKey", "upstream-key.txt");

        Exchange sent = template.send(from, e -> {
            e.getMessage().setBody("payload");
            e.getMessage().setHeaders(headers);
        });

        assertThat(sent.getException()).isNull();
        // the reply names the key written; without a key source it is the id of the kamelet's exchange (a
        // correlated copy of the caller's, so it shares the context's id prefix)
        String key = sent.getMessage().getHeader("CamelIbmCosKey", String.class);
        if (expected != null) {
            assertThat(key).isEqualTo(expected);
        } else {
            String prefix = sent.getExchangeId().substring(0, sent.getExchangeId().lastIndexOf('-') + 1);
            assertThat(key).startsWith(prefix).isNotEqualTo("upstream-key.txt");
        }
        assertThat(keys(bucket)).containsExactly(key);
        assertThat(readObject(bucket, key)).isEqualTo("payload");
    }

    @Test
    void sourceHeadersNeverRedirectTheWrite() throws Exception {
        String source = newBucket();
        putObject(source, "in/a.txt", "original");
        String target = newBucket();
        String from = sink(target, "");
        emulator.stats().reset();

        Exchange sent = template.send(from, e -> {
            e.getMessage().setBody("copy");
            e.getMessage().setHeader("file", "in/a.txt");
            // what ibmcos-source (and, case-insensitively, Apache's ibm-cos-source) put on the message
            e.getMessage().setHeader("CamelIBMCOSBucketName", source);
            e.getMessage().setHeader("CamelIbmCosKey", "in/a.txt");
            e.getMessage().setHeader("CamelIbmCosContentLength", 999L);
            e.getMessage().setHeader("CamelIbmCosOperation", "deleteObject");
            e.getMessage().setHeader("CamelIbmCosDestinationBucketName", source);
            e.getMessage().setHeader("CamelIbmCosRetentionPeriod", 3600L);
        });

        assertThat(sent.getException()).isNull();
        assertThat(readObject(source, "in/a.txt")).isEqualTo("original");
        assertThat(readObject(target, "in/a.txt")).isEqualTo("copy");
        assertThat(stats()).containsEntry("PutObject", 1L).doesNotContainKeys("DeleteObject", "CopyObject");
        assertThat(cos.headObject(target, "in/a.txt").retentionPeriod()).isNull();
    }

    @Test
    void contentHeadersAndUserMetadataAreKept() throws Exception {
        String bucket = newBucket();
        String from = sink(bucket, "keyName=kept.txt");

        template.send(from, e -> {
            e.getMessage().setBody("{}");
            e.getMessage().setHeader("CamelIbmCosContentType", "application/json");
            e.getMessage().setHeader("CamelIbmCosCacheControl", "no-cache");
            e.getMessage().setHeader("CamelIbmCosMetadata", Map.of("origin", "test"));
        });

        ObjectMetadata md = cos.headObject(bucket, "kept.txt");
        assertThat(md.contentType()).isEqualTo("application/json");
        assertThat(md.cacheControl()).isEqualTo("no-cache");
        assertThat(md.userMetadata()).containsEntry("origin", "test");
    }

    @Test
    void secretsWithReservedCharactersArriveIntactThroughProperties() throws Exception {
        String bucket = newBucket();
        String from = sink(bucket, "keyName=secret.txt");

        template.sendBody(from, "signed with " + SECRET_KEY.length() + " characters");

        assertThat(readObject(bucket, "secret.txt")).startsWith("signed with");
    }

    @Test
    void wrongSecretIsRejectedByTheEmulator() throws Exception {
        // the control for the test above: the emulator does check the signature
        String bucket = newBucket();
        hmacConnection("ibmcos-sink");
        kameletProperty("ibmcos-sink", "secretKey", SECRET_KEY.replace('&', '-'));
        String wrong = "direct:wrong";
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(wrong).to("kamelet:ibmcos-sink?bucketName=" + bucket + "&keyName=nope.txt");
            }
        });

        Exchange sent = template.send(wrong, e -> e.getMessage().setBody("x"));

        assertThat(sent.getException()).isInstanceOf(CosServiceException.class);
        assertThat(sent.getException().getMessage()).doesNotContain(SECRET_KEY);
        assertThat(keys(bucket)).isEmpty();
    }
}
