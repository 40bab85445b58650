package io.ibmcos.emulator.auth;

import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Incrementally decodes an {@code aws-chunked} body ({@code <hex-size>[;chunk-signature=<sig>]\r\n<data>\r\n ...
 * 0[;chunk-signature=<sig>]\r\n[trailers]\r\n}) as it arrives in network buffers of any size, passing the payload
 * on without copying. With a {@link SigV4Context} every chunk signature is checked against the chain that starts
 * at the request's seed signature (and the trailer signature, when trailers are signed); without one the body is
 * the unsigned-trailer variant and chunk signatures are not expected.
 */
public final class AwsChunkedDecoder {
    private static final int MAX_LINE = 8192;

    private enum State { SIZE_LINE, DATA, DATA_CR, DATA_LF, TRAILER_LINE, DONE }

    private final SigV4Context signing;
    private final ByteSink downstream;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private final StringBuilder trailerCanonical = new StringBuilder();
    private MessageDigest chunkDigest;
    private State state = State.SIZE_LINE;
    private String previousSignature;
    private String chunkSignature;
    private long chunkRemaining;
    private boolean lastChunk;
    private long decodedLength;

    public AwsChunkedDecoder(SigV4Context signing, ByteSink downstream) {
        this.signing = signing;
        this.downstream = downstream;
        this.previousSignature = signing == null ? null : signing.seedSignature();
        if (signing != null) {
            chunkDigest = Codec.digest("SHA-256");
        }
    }

    public void feed(ByteBuf buf) throws IOException {
        int index = buf.readerIndex();
        int end = buf.writerIndex();
        while (index < end) {
            switch (state) {
                case SIZE_LINE, TRAILER_LINE -> {
                    byte b = buf.getByte(index++);
                    if (b == '\n') {
                        onLine(stripCr(line.toString(StandardCharsets.US_ASCII)));
                        line.reset();
                    } else {
                        if (line.size() >= MAX_LINE) {
                            throw malformed("chunk header line too long");
                        }
                        line.write(b);
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(chunkRemaining, end - index);
                    ByteBuf slice = buf.slice(index, n);
                    if (chunkDigest != null) {
                        chunkDigest.update(slice.nioBuffer());
                    }
                    downstream.accept(slice);
                    index += n;
                    chunkRemaining -= n;
                    decodedLength += n;
                    if (chunkRemaining == 0) {
                        endOfChunkData();
                    }
                }
                case DATA_CR -> {
                    if (buf.getByte(index++) != '\r') {
                        throw malformed("chunk data not followed by CRLF");
                    }
                    state = State.DATA_LF;
                }
                case DATA_LF -> {
                    if (buf.getByte(index++) != '\n') {
                        throw malformed("chunk data not followed by CRLF");
                    }
                    state = State.SIZE_LINE;
                }
                case DONE -> throw malformed("data after the final chunk");
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** Called at the end of the HTTP body; fails when the encoding was cut short. */
    public void finish() {
        // some clients omit the empty line after the final chunk when there are no trailers
        if (state == State.TRAILER_LINE && line.size() == 0) {
            state = State.DONE;
        }
        if (state != State.DONE) {
            throw new CosException(400, "IncompleteBody", "The request body terminated unexpectedly");
        }
    }

    public long decodedLength() {
        return decodedLength;
    }

    /** Trailing headers (lower-case names), e.g. x-amz-checksum-crc32. */
    public Map<String, String> trailers() {
        return trailers;
    }

    private void onLine(String text) {
        if (state == State.SIZE_LINE) {
            onSizeLine(text);
        } else {
            onTrailerLine(text);
        }
    }

    private void onSizeLine(String text) {
        int semi = text.indexOf(';');
        String size = semi < 0 ? text.trim() : text.substring(0, semi).trim();
        chunkSignature = null;
        if (semi >= 0) {
            for (String ext : text.substring(semi + 1).split(";")) {
                int eq = ext.indexOf('=');
                if (eq > 0 && ext.substring(0, eq).trim().equals("chunk-signature")) {
                    chunkSignature = ext.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
                }
            }
        }
        if (signing != null && chunkSignature == null) {
            throw malformed("chunk without chunk-signature");
        }
        try {
            chunkRemaining = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw malformed("invalid chunk size '" + size + "'");
        }
        if (chunkRemaining < 0) {
            throw malformed("negative chunk size");
        }
        lastChunk = chunkRemaining == 0;
        state = State.DATA;
        if (lastChunk) {
            endOfChunkData();
        }
    }

    private void endOfChunkData() {
        if (signing != null) {
            String hash = Codec.hex(chunkDigest.digest());
            String expected = SigV4.signature(signing.signingKey(),
                    SigV4.chunkStringToSign(signing.amzDate(), signing.scope(), previousSignature, hash));
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    chunkSignature.getBytes(StandardCharsets.US_ASCII))) {
                throw new CosException(403, "SignatureDoesNotMatch",
                        "The chunk signature we calculated does not match the signature you provided.");
            }
            previousSignature = chunkSignature;
        }
        // the final zero-size chunk is followed by optional trailers and an empty line, not by CRLF + data
        state = lastChunk ? State.TRAILER_LINE : State.DATA_CR;
    }

    private void onTrailerLine(String text) {
        if (text.isEmpty()) {
            state = State.DONE;
            return;
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw malformed("invalid trailer line");
        }
        String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).trim();
        if (name.equals("x-amz-trailer-signature")) {
            verifyTrailerSignature(value);
            return;
        }
        trailers.put(name, value);
        trailerCanonical.append(name).append(':').append(value).append('\n');
    }

    private void verifyTrailerSignature(String given) {
        if (signing == null) {
            return;
        }
        String expected = SigV4.signature(signing.signingKey(), SigV4.trailerStringToSign(signing.amzDate(),
                signing.scope(), previousSignature, Codec.sha256Hex(trailerCanonical.toString())));
        if (!expected.equalsIgnoreCase(given)) {
            throw new CosException(403, "SignatureDoesNotMatch",
                    "The trailer signature we calculated does not match the signature you provided.");
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static CosException malformed(String detail) {
        return new CosException(400, "InvalidRequest", "Malformed aws-chunked body: " + detail);
    }
}
