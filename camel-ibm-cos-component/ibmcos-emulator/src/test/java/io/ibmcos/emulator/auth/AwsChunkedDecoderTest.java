package io.ibmcos.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.RequestHead;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * AWS's published aws-chunked example ("Signature Calculation: Transfer Payload in Multiple Chunks"): 66560 bytes
 * of 'a' in chunks of 65536 and 1024 bytes, seed signature from the header, chained chunk signatures.
 */
class AwsChunkedDecoderTest {
    static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final String[] CHUNK_SIGS = {
        "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
        "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
        "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"};

    static SigV4Context seedContext() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Host", "s3.amazonaws.com");
        h.set("x-amz-date", "20130524T000000Z");
        h.set("x-amz-storage-class", "REDUCED_REDUNDANCY");
        h.set("Content-Encoding", "aws-chunked");
        h.set("Content-Length", "66824");
        h.set("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        h.set("x-amz-decoded-content-length", "66560");
        h.set("Authorization", "AWS4-HMAC-SHA256 Credential=" + SigV4VerifierTest.AK + "/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class,Signature=" + SEED);
        RequestHead head = new RequestHead("PUT", "/examplebucket/chunkObject.txt", null, h, "examplebucket",
                "chunkObject.txt", "req");
        return new SigV4Verifier(k -> SigV4VerifierTest.SK, Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC))
                .verifyHeader(head);
    }

    static byte[] body(String[] sigs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a64 = new byte[65536];
        Arrays.fill(a64, (byte) 'a');
        byte[] a1 = new byte[1024];
        Arrays.fill(a1, (byte) 'a');
        out.writeBytes(("10000;chunk-signature=" + sigs[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(a64);
        out.writeBytes(("\r\n400;chunk-signature=" + sigs[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(a1);
        out.writeBytes(("\r\n0;chunk-signature=" + sigs[2] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void decodesAndVerifiesAwsExampleInAnySplit() throws Exception {
        SigV4Context ctx = seedContext();
        byte[] encoded = body(CHUNK_SIGS);
        assertThat(encoded).hasSize(66824);
        for (int split : new int[] {1, 7, 8192, encoded.length}) {
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            AwsChunkedDecoder d = new AwsChunkedDecoder(ctx, buf -> decoded.writeBytes(bytes(buf)));
            for (int i = 0; i < encoded.length; i += split) {
                d.feed(Unpooled.wrappedBuffer(encoded, i, Math.min(split, encoded.length - i)));
            }
            d.finish();
            assertThat(d.decodedLength()).isEqualTo(66560);
            assertThat(decoded.toByteArray()).hasSize(66560).containsOnly((byte) 'a');
        }
    }

    @Test
    void rejectsTamperedChunkAndTruncation() throws Exception {
        SigV4Context ctx = seedContext();
        byte[] tampered = body(CHUNK_SIGS);
        tampered[100] = 'b';
        AwsChunkedDecoder d = new AwsChunkedDecoder(ctx, buf -> { });
        assertThatThrownBy(() -> d.feed(Unpooled.wrappedBuffer(tampered)))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
        byte[] full = body(CHUNK_SIGS);
        AwsChunkedDecoder cut = new AwsChunkedDecoder(ctx, buf -> { });
        cut.feed(Unpooled.wrappedBuffer(full, 0, 1000));
        assertThatThrownBy(cut::finish)
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("IncompleteBody"));
    }

    @Test
    void unsignedTrailerVariantExposesTrailers() throws Exception {
        byte[] encoded = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        AwsChunkedDecoder d = new AwsChunkedDecoder(null, buf -> decoded.writeBytes(bytes(buf)));
        d.feed(Unpooled.wrappedBuffer(encoded));
        d.finish();
        assertThat(decoded.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(d.trailers()).containsEntry("x-amz-checksum-crc32", "NhCmhg==");
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        return b;
    }
}
