package io.ibmcos.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.RequestHead;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** AWS's published SigV4 example (GET /test.txt with a Range header, "Signature Calculations ... header"). */
class SigV4VerifierTest {
    static final String AK = "AKIAIOSFODNN7EXAMPLE";
    static final String SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SIGNATURE = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    static final Clock AT_2013 = Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);

    static RequestHead example(String signature, Clock unused) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Host", "examplebucket.s3.amazonaws.com");
        h.set("Range", "bytes=0-9");
        h.set("x-amz-content-sha256", SigV4.EMPTY_SHA256);
        h.set("x-amz-date", "20130524T000000Z");
        h.set("Authorization", "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=" + signature);
        return new RequestHead("GET", "/test.txt", null, h, "examplebucket", "test.txt", "req");
    }

    @Test
    void verifiesAwsExampleSignature() {
        SigV4Verifier v = new SigV4Verifier(k -> k.equals(AK) ? SK : null, AT_2013);
        SigV4Context ctx = v.verifyHeader(example(SIGNATURE, AT_2013));
        assertThat(ctx.accessKey()).isEqualTo(AK);
        assertThat(ctx.scope()).isEqualTo("20130524/us-east-1/s3/aws4_request");
        assertThat(ctx.seedSignature()).isEqualTo(SIGNATURE);
    }

    @Test
    void rejectsAlteredSignatureUnknownKeyAndSkew() {
        SigV4Verifier v = new SigV4Verifier(k -> k.equals(AK) ? SK : null, AT_2013);
        assertThatThrownBy(() -> v.verifyHeader(example(SIGNATURE.replace('f', 'e'), AT_2013)))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
        SigV4Verifier noKeys = new SigV4Verifier(k -> null, AT_2013);
        assertThatThrownBy(() -> noKeys.verifyHeader(example(SIGNATURE, AT_2013)))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("InvalidAccessKeyId"));
        SigV4Verifier late = new SigV4Verifier(k -> SK, Clock.fixed(Instant.parse("2013-05-24T00:20:00Z"), ZoneOffset.UTC));
        assertThatThrownBy(() -> late.verifyHeader(example(SIGNATURE, AT_2013)))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("RequestTimeTooSkewed"));
    }

    @Test
    void canonicalQuerySortsAndReencodes() {
        assertThat(SigV4.canonicalQuery("uploads&prefix=a%20b&max-keys=2&list-type=2", null))
                .isEqualTo("list-type=2&max-keys=2&prefix=a%20b&uploads=");
        assertThat(SigV4.canonicalQuery("X-Amz-Signature=abc&k=%7Ex*", "X-Amz-Signature")).isEqualTo("k=~x%2A");
    }
}
