package io.ibmcos.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressingAndDatesTest {

    @Test
    void virtualHostBucketFromHostHeader() {
        Addressing a = new Addressing("cos.example.test");
        assertThat(a.virtualHostBucket("my-bucket.localhost:9000")).isEqualTo("my-bucket");
        assertThat(a.virtualHostBucket("my.dotted.bucket.127.0.0.1:9000")).isEqualTo("my.dotted.bucket");
        assertThat(a.virtualHostBucket("b1.cos.example.test")).isEqualTo("b1");
        assertThat(a.virtualHostBucket("b2.s3.us-south.cloud-object-storage.appdomain.cloud")).isEqualTo("b2");
        assertThat(a.virtualHostBucket("127.0.0.1:9000")).isNull();
        assertThat(a.virtualHostBucket("localhost:9000")).isNull();
        assertThat(a.virtualHostBucket("cos.example.test:9000")).isNull();
        assertThat(a.virtualHostBucket("[::1]:9000")).isNull();
        assertThat(a.virtualHostBucket("some-other-host")).isNull();
    }

    @Test
    void retentionDatesInAllThreeForms() {
        Instant expected = Instant.parse("2017-02-08T17:50:00Z");
        assertThat(HttpDates.parseRetentionDate("Wed, 08 Feb 2017 17:50:00 GMT")).isEqualTo(expected);
        assertThat(HttpDates.parseRetentionDate("2017-02-08T17:50:00Z")).isEqualTo(expected);
        assertThat(HttpDates.parseRetentionDate("2017-02-08T17:50:00.000+00:00")).isEqualTo(expected);
        assertThat(HttpDates.parseRetentionDate("20170208T175000Z")).isEqualTo(expected);
        assertThat(HttpDates.parseRetentionDate("08/02/2017")).isNull();
        assertThat(HttpDates.rfc1123(expected)).isEqualTo("Wed, 08 Feb 2017 17:50:00 GMT");
        assertThat(HttpDates.iso(expected)).isEqualTo("2017-02-08T17:50:00.000Z");
    }

    @Test
    void uriEncodingFollowsSigV4() {
        assertThat(Codec.uriEncode("a b/c~d*e+ä", true)).isEqualTo("a%20b/c~d%2Ae%2B%C3%A4");
        assertThat(Codec.uriEncode("a/b", false)).isEqualTo("a%2Fb");
        assertThat(Codec.percentDecode("a%20b+c", false)).isEqualTo("a b+c");
        assertThat(Codec.percentDecode("a%20b+c", true)).isEqualTo("a b c");
        assertThat(Codec.percentDecode("100%", false)).isEqualTo("100%");
    }
}
