package io.ibmcos.emulator.server;

import io.ibmcos.emulator.auth.AuthResult;
import io.ibmcos.emulator.auth.AwsChunkedDecoder;
import io.ibmcos.emulator.auth.ByteSink;
import io.ibmcos.emulator.ops.RequestBody;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.RequestHead;
import io.ibmcos.emulator.storage.BlobRef;
import io.ibmcos.emulator.storage.BlobWriter;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a request body as it arrives: decodes aws-chunked framing (verifying chunk signatures), computes the
 * digests it must check (MD5 always, SHA-256 when a real payload hash was signed, x-amz-checksum-* when sent) and
 * hands the payload to a {@link BlobWriter} (object data) or a bounded buffer (everything else).
 */
final class BodyPipeline {
    static final int MAX_BUFFERED = 16 * 1024 * 1024;

    private final RequestHead head;
    private final BlobWriter writer;
    private final ByteArrayOutputStream buffer;
    private final AwsChunkedDecoder chunked;
    private final PayloadDigests digests;
    private final String expectedSha256;
    private final boolean signedChunks;
    private long size;

    BodyPipeline(RequestHead head, AuthResult auth, BlobWriter writer) {
        this.head = head;
        this.writer = writer;
        this.buffer = writer == null ? new ByteArrayOutputStream() : null;
        String payloadHash = auth.sigV4() == null ? null : auth.sigV4().payloadHash();
        String sha = payloadHash != null && payloadHash.matches("[0-9a-fA-F]{64}") ? payloadHash.toLowerCase(Locale.ROOT) : null;
        this.expectedSha256 = sha;
        String declared = head.header("x-amz-content-sha256");
        boolean streaming = declared != null && declared.startsWith("STREAMING-");
        String encoding = head.header("Content-Encoding");
        if (!streaming && encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked")) {
            streaming = true;
        }
        this.signedChunks = streaming && declared != null && declared.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        if (signedChunks && auth.sigV4() == null) {
            throw CosException.accessDenied("Signed aws-chunked bodies need SigV4 authentication");
        }
        this.digests = new PayloadDigests(head, sha != null);
        ByteSink payload = this::payload;
        this.chunked = streaming ? new AwsChunkedDecoder(signedChunks ? auth.sigV4() : null, payload) : null;
    }

    void feed(ByteBuf raw) throws IOException {
        if (chunked != null) {
            chunked.feed(raw);
        } else {
            payload(raw);
        }
    }

    private void payload(ByteBuf data) throws IOException {
        size += data.readableBytes();
        digests.update(data);
        if (writer != null) {
            writer.write(data);
        } else {
            if (size > MAX_BUFFERED) {
                throw new CosException(400, "MaxMessageLengthExceeded", "Your request was too big.");
            }
            data.getBytes(data.readerIndex(), buffer, data.readableBytes());
        }
    }

    /** Verifies everything the client declared about the body and commits the blob (if any). */
    RequestBody finish() throws IOException {
        Map<String, String> trailers = Map.of();
        if (chunked != null) {
            chunked.finish();
            trailers = chunked.trailers();
            String decoded = head.header("x-amz-decoded-content-length");
            if (decoded != null && !decoded.trim().equals(Long.toString(size))) {
                throw new CosException(400, "IncompleteBody",
                        "x-amz-decoded-content-length " + decoded.trim() + " does not match the " + size + " bytes received");
            }
        }
        boolean checksumGiven = digests.verify(trailers, expectedSha256);
        boolean signed = signedChunks || expectedSha256 != null;
        byte[] md5 = digests.md5();
        if (writer != null) {
            BlobRef ref = writer.commit();
            return new RequestBody(null, ref, size, md5, checksumGiven, signed);
        }
        return new RequestBody(buffer.toByteArray(), null, size, md5, checksumGiven, signed);
    }

    void abort() {
        if (writer != null) {
            writer.abort();
        }
    }
}
