package io.ibmcos.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.auth.SigV4Signer.SigningInput;
import io.ibmcos.client.http.UriEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Published vectors. S3 examples: AWS S3 API reference, "Examples: Signature Calculations in AWS Signature
 * Version 4" (sig-v4-header-based-auth) and "Authenticating Requests: Using Query Parameters"
 * (sigv4-query-string-auth). Generic cases: AWS's Signature Version 4 test suite (aws-sig-v4-test-suite).
 */
class SigV4SignerTest {

    private static final HmacCredentials S3_DOCS =
            new HmacCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final Instant S3_DOCS_TIME = Instant.parse("2013-05-24T00:00:00Z");
    private static final String EXAMPLE_HOST = "examplebucket.s3.amazonaws.com";

    private static final HmacCredentials SUITE =
            new HmacCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    private final SigV4Signer s3 = new SigV4Signer(S3_DOCS, "us-east-1");
    private final SigV4Signer suite = SigV4Signer.forService(SUITE, "us-east-1", "service");

    private static Map<String, String> headers(String... nameValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }

    private static String signatureOf(Map<String, String> added) {
        String auth = added.get("Authorization");
        return auth.substring(auth.indexOf("Signature=") + "Signature=".length());
    }

    @Nested
    class S3DocumentationExamples {

        @Test
        void getObjectWithRange() {
            SigningInput input = new SigningInput("GET", "/test.txt", List.of(),
                    headers("Host", EXAMPLE_HOST, "Range", "bytes=0-9"));

            Map<String, String> added = s3.sign(input, SigV4Signer.EMPTY_SHA256, S3_DOCS_TIME);

            assertThat(added.get("x-amz-date")).isEqualTo("20130524T000000Z");
            assertThat(added.get("x-amz-content-sha256")).isEqualTo(SigV4Signer.EMPTY_SHA256);
            assertThat(added.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 "
                    + "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                    + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                    + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        }

        @Test
        void getObjectStagesMatchThePublishedIntermediates() {
            SigningInput input = new SigningInput("GET", "/test.txt", List.of(), headers(
                    "Host", EXAMPLE_HOST, "Range", "bytes=0-9",
                    "x-amz-content-sha256", SigV4Signer.EMPTY_SHA256, "x-amz-date", "20130524T000000Z"));

            String canonical = s3.canonicalRequest(input, SigV4Signer.EMPTY_SHA256);
            assertThat(canonical).isEqualTo("GET\n/test.txt\n\n"
                    + "host:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                    + "x-amz-content-sha256:" + SigV4Signer.EMPTY_SHA256 + "\nx-amz-date:20130524T000000Z\n\n"
                    + "host;range;x-amz-content-sha256;x-amz-date\n" + SigV4Signer.EMPTY_SHA256);
            String toSign = s3.stringToSign("20130524T000000Z", canonical);
            assertThat(toSign).isEqualTo("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                    + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
            assertThat(s3.signature("20130524", toSign))
                    .isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        }

        @Test
        void putObjectWithDollarInKeyAndSignedBody() {
            String bodyHash = SigV4Signer.sha256Hex("Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8));
            assertThat(bodyHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
            String path = "/" + UriEncoding.encode("test$file.text", true);
            SigningInput input = new SigningInput("PUT", path, List.of(), headers(
                    "Host", EXAMPLE_HOST, "Date", "Fri, 24 May 2013 00:00:00 GMT",
                    "x-amz-storage-class", "REDUCED_REDUNDANCY",
                    // Set by java.net.http itself: must not end up in SignedHeaders.
                    "Content-Length", "21", "User-Agent", "ibmcos-test"));

            Map<String, String> added = s3.sign(input, bodyHash, S3_DOCS_TIME);

            assertThat(added.get("Authorization"))
                    .contains("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,");
            assertThat(signatureOf(added)).isEqualTo("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
        }

        @Test
        void getBucketLifecycleBareFlag() {
            SigningInput input = new SigningInput("GET", "/", List.of(Map.entry("lifecycle", "")),
                    headers("host", EXAMPLE_HOST));
            assertThat(s3.canonicalRequest(input, SigV4Signer.EMPTY_SHA256)).startsWith("GET\n/\nlifecycle=\n");

            assertThat(signatureOf(s3.sign(input, SigV4Signer.EMPTY_SHA256, S3_DOCS_TIME)))
                    .isEqualTo("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        }

        @Test
        void listObjectsQuerySorted() {
            SigningInput input = new SigningInput("GET", "/",
                    List.of(Map.entry("prefix", "J"), Map.entry("max-keys", "2")), headers("host", EXAMPLE_HOST));

            assertThat(signatureOf(s3.sign(input, SigV4Signer.EMPTY_SHA256, S3_DOCS_TIME)))
                    .isEqualTo("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
        }

        @Test
        void presignedGet() {
            URI url = s3.presign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                    Duration.ofSeconds(86400), S3_DOCS_TIME);

            assertThat(url.toString()).isEqualTo("https://examplebucket.s3.amazonaws.com/test.txt"
                    + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                    + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
        }
    }

    @Nested
    class GenericTestSuite {

        private String authorization(String method, String path, List<Map.Entry<String, String>> query,
                                     Map<String, String> extraHeaders) {
            Map<String, String> h = headers("Host", "example.amazonaws.com");
            h.putAll(extraHeaders);
            Map<String, String> added = suite.sign(new SigningInput(method, path, query, h),
                    SigV4Signer.EMPTY_SHA256, SUITE_TIME);
            assertThat(added).doesNotContainKey("x-amz-content-sha256");
            return added.get("Authorization");
        }

        @Test
        void getVanilla() {
            assertThat(authorization("GET", "/", List.of(), Map.of())).isEqualTo("AWS4-HMAC-SHA256 "
                    + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
                    + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        }

        @Test
        void getVanillaQueryOrderKeyCase() {
            assertThat(authorization("GET", "/", List.of(Map.entry("Param2", "value2"), Map.entry("Param1", "value1")),
                    Map.of())).endsWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        }

        @Test
        void getUtf8PathEncodedOnce() {
            String path = "/" + UriEncoding.encode("\u1234", true);
            assertThat(path).isEqualTo("/%E1%88%B4");
            assertThat(authorization("GET", path, List.of(), Map.of()))
                    .endsWith("Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
        }

        @Test
        void getHeaderValueTrimAndCollapse() {
            String auth = authorization("GET", "/", List.of(),
                    headers("My-Header1", " value1", "My-Header2", " \"a   b   c\""));
            assertThat(auth).contains("SignedHeaders=host;my-header1;my-header2;x-amz-date,")
                    .endsWith("Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
        }
    }
}
