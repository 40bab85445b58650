package io.ibmcos.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.auth.SigV4Signer.SigningInput;
import io.ibmcos.client.http.UriEncoding;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canonicalisation rules, the key cache and presign validation, beyond the published vectors. */
class SigV4SignerBehaviourTest {

    private static final String SECRET = "top/secret+KEY=value";
    private static final HmacCredentials CREDS = new HmacCredentials("AKIDTEST", SECRET);
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private final SigV4Signer signer = new SigV4Signer(CREDS, null);

    private static Map<String, String> headers(String... nameValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }

    @Test
    void signingKeyDerivationMatchesTheAwsExample() {
        // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
        SigV4Signer iam = SigV4Signer.forService(
                new HmacCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "us-east-1", "iam");
        assertThat(HexFormat.of().formatHex(iam.signingKey("20120215")))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void defaultRegionIsUsStandard() {
        Map<String, String> added = signer.sign(new SigningInput("GET", "/", List.of(), headers("host", "h")),
                SigV4Signer.UNSIGNED_PAYLOAD, NOW);
        assertThat(added.get("Authorization")).contains("Credential=AKIDTEST/20260304/us-standard/s3/aws4_request");
        assertThat(added.get("x-amz-date")).isEqualTo("20260304T050607Z");
        assertThat(added.get("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
    }

    @Test
    void signingKeyIsDerivedOncePerDayAndTheCacheStaysSmall() throws Exception {
        SigningInput input = new SigningInput("GET", "/b/k", List.of(), headers("host", "h"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                jobs.add(pool.submit(() -> signer.sign(input, SigV4Signer.EMPTY_SHA256, NOW)));
            }
            for (Future<?> f : jobs) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(signer.signingKeyDerivations()).isEqualTo(1);

        signer.sign(input, SigV4Signer.EMPTY_SHA256, NOW.plus(Duration.ofDays(1)));
        assertThat(signer.signingKeyDerivations()).isEqualTo(2);
        for (int day = 2; day < 20; day++) {
            signer.sign(input, SigV4Signer.EMPTY_SHA256, NOW.plus(Duration.ofDays(day)));
        }
        assertThat(signer.cachedSigningKeys()).isLessThanOrEqualTo(SigningKeyCache.MAX_ENTRIES);
        byte[] copy = signer.signingKey("20260304");
        copy[0] ^= 1; // callers get a copy; the cached key is unaffected
        assertThat(signer.signingKey("20260304")[0]).isNotEqualTo(copy[0]);
    }

    @Test
    void headersAreLowerCasedTrimmedCollapsedSortedAndMerged() {
        SigningInput input = new SigningInput("put", "/b/k", List.of(), headers(
                "Host", "s3.example.test:8443",
                "X-Amz-Meta-Note", "  two   spaces\tand tab  ",
                "x-amz-meta-NOTE", "second",
                "Content-Type", "text/plain",
                "Content-Length", "5", "Expect", "100-continue", "User-Agent", "ua", "Connection", "keep-alive",
                "Transfer-Encoding", "chunked", "Authorization", "old", "X-Amzn-Trace-Id", "t"));

        String canonical = signer.canonicalRequest(input, "hash");

        assertThat(canonical).isEqualTo("PUT\n/b/k\n\n"
                + "content-type:text/plain\nhost:s3.example.test:8443\nx-amz-meta-note:two spaces and tab,second\n\n"
                + "content-type;host;x-amz-meta-note\nhash");
    }

    @Test
    void callerSuppliedDateAndHashAreReplaced() {
        SigningInput input = new SigningInput("GET", "/", List.of(),
                headers("host", "h", "X-Amz-Date", "19990101T000000Z", "X-Amz-Content-Sha256", "stale"));
        Map<String, String> added = signer.sign(input, SigV4Signer.EMPTY_SHA256, NOW);

        SigningInput expected = new SigningInput("GET", "/", List.of(), headers("host", "h",
                "x-amz-date", "20260304T050607Z", "x-amz-content-sha256", SigV4Signer.EMPTY_SHA256));
        String signature = signer.signature("20260304",
                signer.stringToSign("20260304T050607Z", signer.canonicalRequest(expected, SigV4Signer.EMPTY_SHA256)));
        assertThat(added.get("Authorization")).endsWith("Signature=" + signature);
    }

    @Test
    void hostIsRequired() {
        assertThatThrownBy(() -> signer.sign(new SigningInput("GET", "/", List.of(), Map.of()), "h", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"key with spaces", "a+b", "100%", "ключ/ü/€", "a/b/../c", "emoji-\uD83D\uDE00", "*~'()!"})
    void awkwardKeysArePassedThroughEncodedOnceAndQueryValuesEncodedStrictly(String key) {
        String path = "/bucket/" + UriEncoding.encode(key, true);
        SigningInput input = new SigningInput("GET", path,
                List.of(Map.entry("prefix", key), Map.entry("uploads", "")), headers("host", "h"));

        String[] lines = signer.canonicalRequest(input, "x").split("\n", -1);

        assertThat(lines[1]).isEqualTo(path); // exactly as sent: no normalisation, no second encoding
        assertThat(lines[2]).isEqualTo("prefix=" + UriEncoding.encode(key, false) + "&uploads=");
        assertThat(lines[2]).doesNotContain("+", " ", "/").matches("[A-Za-z0-9%=&._~-]*");
    }

    @Test
    void queryIsSortedByEncodedNameThenValue() {
        SigningInput input = new SigningInput("GET", "/", List.of(
                Map.entry("b", "2"), Map.entry("a", "z"), Map.entry("a", "y"), Map.entry("A", "1"),
                Map.entry("a b", "")), headers("host", "h"));
        assertThat(signer.canonicalRequest(input, "x").split("\n")[2]).isEqualTo("A=1&a=y&a=z&a%20b=&b=2");
    }

    @Test
    void presignKeepsAndSignsExistingQueryAndIncludesNonDefaultPort() {
        URI uri = URI.create("http://127.0.0.1:9000/bucket/my%20key?partNumber=1&uploadId=a%2Bb");
        URI signed = signer.presign("PUT", uri, Duration.ofMinutes(15), NOW);

        assertThat(signed.getRawPath()).isEqualTo("/bucket/my%20key");
        assertThat(signed.getRawQuery()).startsWith("X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        + "&X-Amz-Credential=AKIDTEST%2F20260304%2Fus-standard%2Fs3%2Faws4_request"
                        + "&X-Amz-Date=20260304T050607Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
                        + "&partNumber=1&uploadId=a%2Bb&X-Amz-Signature=");

        SigningInput expected = new SigningInput("PUT", "/bucket/my%20key", List.of(
                Map.entry("partNumber", "1"), Map.entry("uploadId", "a+b"),
                Map.entry("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                Map.entry("X-Amz-Credential", "AKIDTEST/20260304/us-standard/s3/aws4_request"),
                Map.entry("X-Amz-Date", "20260304T050607Z"), Map.entry("X-Amz-Expires", "900"),
                Map.entry("X-Amz-SignedHeaders", "host")), headers("host", "127.0.0.1:9000"));
        String signature = signer.signature("20260304", signer.stringToSign("20260304T050607Z",
                signer.canonicalRequest(expected, SigV4Signer.UNSIGNED_PAYLOAD)));
        assertThat(signed.getRawQuery()).endsWith("X-Amz-Signature=" + signature);

        URI defaultPort = signer.presign("GET", URI.create("https://h.example:443/b/k"), Duration.ofSeconds(1), NOW);
        assertThat(defaultPort.getRawAuthority()).isEqualTo("h.example:443");
        assertThat(defaultPort).isNotEqualTo(signer.presign("GET", URI.create("https://h.example:8443/b/k"),
                Duration.ofSeconds(1), NOW));
    }

    @Test
    void presignExpiryMustBeBetweenOneSecondAndSevenDays() {
        URI uri = URI.create("https://h.example/b/k");
        assertThat(signer.presign("GET", uri, Duration.ofDays(7), NOW).getRawQuery()).contains("X-Amz-Expires=604800");
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5),
                Duration.ofDays(7).plusSeconds(1), null}) {
            assertThatThrownBy(() -> signer.presign("GET", uri, bad, NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expiry").hasMessageContaining("604800");
        }
    }

    @Test
    void secretNeverShowsInToStringOrErrors() {
        assertThat(signer.toString()).contains("AKIDTEST").doesNotContain(SECRET);
        assertThat(CREDS.toString()).doesNotContain(SECRET);
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> signer.presign("GET", URI.create("https://h/b"), Duration.ofDays(30), NOW));
        assertThat(error.getMessage()).doesNotContain(SECRET);
        Map<String, String> added = signer.sign(new SigningInput("GET", "/", List.of(), headers("host", "h")),
                SigV4Signer.EMPTY_SHA256, NOW);
        assertThat(String.join(" ", added.values())).doesNotContain(SECRET);
    }
}
