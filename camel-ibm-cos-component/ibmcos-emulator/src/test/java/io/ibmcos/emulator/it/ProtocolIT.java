package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.emulator.CosEmulator;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Wire-level rules checked with plain HTTP (bearer auth), where SDKs would hide or pre-empt the server's answer. */
class ProtocolIT {
    static final MutableClock CLOCK = new MutableClock();
    static CosEmulator cos;
    static RawCos raw;

    @BeforeAll
    static void start() throws Exception {
        cos = CosEmulator.builder().clock(CLOCK).tokenTtl(Duration.ofDays(30)).start();
        raw = new RawCos(cos);
        assertThat(raw.request("PUT", "/proto", null, "ibm-service-instance-id", cos.serviceInstanceId()).statusCode()).isEqualTo(200);
        assertThat(raw.request("PUT", "/proto-locked", null, "ibm-service-instance-id", cos.serviceInstanceId()).statusCode())
                .isEqualTo(200);
        assertThat(raw.putProtection("proto-locked", 0, 0, 10).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        cos.close();
    }

    @Test
    void contentMd5IsVerified() throws Exception {
        assertThat(raw.request("PUT", "/proto/md5", "payload", "Content-MD5", RawCos.md5("payload")).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = raw.request("PUT", "/proto/md5", "payload", "Content-MD5", RawCos.md5("other"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<Code>BadDigest</Code>");
        assertThat(raw.request("PUT", "/proto/md5", "payload", "Content-MD5", "not base64!").body()).contains("<Code>InvalidDigest</Code>");
    }

    @Test
    void deleteObjectsNeedsChecksumAndSupportsQuietMode() throws Exception {
        raw.request("PUT", "/proto/d1", "1");
        raw.request("PUT", "/proto/d2", "2");
        String xml = "<Delete><Quiet>true</Quiet><Object><Key>d1</Key></Object><Object><Key>d2</Key></Object></Delete>";
        HttpResponse<String> noMd5 = raw.request("POST", "/proto?delete", xml);
        assertThat(noMd5.statusCode()).isEqualTo(400);
        assertThat(noMd5.body()).contains("Content-MD5");
        HttpResponse<String> quiet = raw.request("POST", "/proto?delete", xml, "Content-MD5", RawCos.md5(xml));
        assertThat(quiet.statusCode()).isEqualTo(200);
        assertThat(quiet.body()).contains("<DeleteResult").doesNotContain("<Deleted>");
        assertThat(raw.get("/proto/d1").statusCode()).isEqualTo(404);
    }

    @Test
    void protectedBucketUploadsNeedIntegrityAndCopyDirectives() throws Exception {
        HttpResponse<String> unproven = raw.request("PUT", "/proto-locked/o", "body");
        assertThat(unproven.statusCode()).isEqualTo(400);
        assertThat(unproven.body()).contains("<Code>InvalidRequest</Code>");
        assertThat(raw.request("PUT", "/proto-locked/o", "body", "Content-MD5", RawCos.md5("body"), "Retention-Period", "3600",
                "Retention-Legal-Hold-ID", "h1").statusCode()).isEqualTo(200);
        assertThat(raw.request("PUT", "/proto-locked/o", "body", "Retention-Period", "1",
                "Retention-Expiration-Date", "2030-01-01T00:00:00Z", "Content-MD5", RawCos.md5("body")).statusCode()).isEqualTo(400);

        assertThat(raw.request("PUT", "/proto-locked/copied", null, "x-amz-copy-source", "/proto-locked/o").statusCode()).isEqualTo(200);
        HttpResponse<String> copied = raw.request("HEAD", "/proto-locked/copied", null);
        assertThat(copied.headers().firstValue("Retention-Period")).hasValue("3600");
        assertThat(copied.headers().firstValue("Retention-Legal-Hold-Count")).hasValue("1");
        assertThat(raw.request("PUT", "/proto-locked/replaced", null, "x-amz-copy-source", "/proto-locked/o",
                "Retention-Directive", "REPLACE", "Retention-Period", "60").statusCode()).isEqualTo(200);
        HttpResponse<String> replaced = raw.request("HEAD", "/proto-locked/replaced", null);
        assertThat(replaced.headers().firstValue("Retention-Period")).hasValue("60");
        assertThat(replaced.headers().firstValue("Retention-Legal-Hold-Count")).hasValue("0");
        assertThat(replaced.headers().firstValue("Retention-Expiration-Date").orElseThrow()).endsWith(" GMT");
    }

    @Test
    void headErrorsHaveNoBodyAndUnknownFeaturesAre501() throws Exception {
        HttpResponse<String> head = raw.request("HEAD", "/proto/none", null);
        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
        assertThat(raw.get("/proto?versioning").statusCode()).isEqualTo(501);
        assertThat(raw.request("POST", "/proto", "").statusCode()).isEqualTo(405);
        assertThat(raw.get("/proto?location").body()).contains(">us-standard</LocationConstraint>");
        assertThat(raw.get("/no-such-bucket?list-type=2").body()).contains("<Code>NoSuchBucket</Code>")
                .contains("<Resource>/no-such-bucket/</Resource>");
    }

    @Test
    void extendedBucketListingPages() throws Exception {
        for (String b : new String[] {"page-a", "page-b", "page-c"}) {
            raw.request("PUT", "/" + b, null, "ibm-service-instance-id", cos.serviceInstanceId());
        }
        HttpResponse<String> first = raw.request("GET", "/?extended&prefix=page-&max-keys=2", null,
                "ibm-service-instance-id", cos.serviceInstanceId());
        assertThat(first.body()).contains("<Name>page-a</Name>").contains("<Name>page-b</Name>").doesNotContain("page-c")
                .contains("<IsTruncated>true</IsTruncated>").contains("<LocationConstraint>us-standard</LocationConstraint>");
        HttpResponse<String> second = raw.request("GET", "/?extended&prefix=page-&marker=page-b", null,
                "ibm-service-instance-id", cos.serviceInstanceId());
        assertThat(second.body()).contains("<Name>page-c</Name>").doesNotContain("page-a");
        HttpResponse<String> otherInstance = raw.request("GET", "/", null, "ibm-service-instance-id", "someone-else");
        assertThat(otherInstance.body()).doesNotContain("<Name>");
    }

    @Test
    void presignedUrlsExpire() throws Exception {
        try (S3Client s3 = AwsSdk.client(cos.endpoint(), cos.accessKey(), cos.secretKey());
                S3Presigner presigner = AwsSdk.presigner(cos.endpoint(), cos.accessKey(), cos.secretKey(), true)) {
            s3.putObject(b -> b.bucket("proto").key("shared"), RequestBody.fromString("x"));
            // the presigner signs with the real clock; the emulator's clock is moved instead
            URL url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket("proto").key("shared"))).url();
            assertThat(((HttpURLConnection) url.openConnection()).getResponseCode()).isEqualTo(200);
            CLOCK.advance(Duration.ofMinutes(6));
            try {
                HttpURLConnection expired = (HttpURLConnection) url.openConnection();
                assertThat(expired.getResponseCode()).isEqualTo(403);
                assertThat(new String(expired.getErrorStream().readAllBytes())).contains("Request has expired");
            } finally {
                CLOCK.advance(Duration.ofMinutes(-6));
            }
        }
    }
}
