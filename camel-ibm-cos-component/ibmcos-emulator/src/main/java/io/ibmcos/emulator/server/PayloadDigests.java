package io.ibmcos.emulator.server;

import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.RequestHead;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The digests of one request body: MD5 (ETag and Content-MD5), SHA-256 when the signed payload hash must be
 * checked, and the x-amz-checksum-* algorithms the client announced (header or trailer). CRC64NVME has no JDK
 * implementation; it is accepted as an integrity claim without being verified.
 */
final class PayloadDigests {
    private final MessageDigest md5 = Codec.digest("MD5");
    private final MessageDigest sha256;
    private final RequestHead head;
    private final Map<String, Object> checksums = new LinkedHashMap<>();
    private byte[] md5Value;

    PayloadDigests(RequestHead head, boolean needSha256) {
        this.head = head;
        boolean wantSha = needSha256;
        for (String alg : announcedAlgorithms(head)) {
            switch (alg) {
                case "crc32" -> checksums.put(alg, new CRC32());
                case "crc32c" -> checksums.put(alg, new CRC32C());
                case "sha1" -> checksums.put(alg, Codec.digest("SHA-1"));
                case "sha256" -> wantSha = true;
                default -> {
                    // crc64nvme and unknown algorithms: not verifiable here
                }
            }
        }
        this.sha256 = wantSha ? Codec.digest("SHA-256") : null;
    }

    private static List<String> announcedAlgorithms(RequestHead head) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> h : head.headers()) {
            String n = h.getKey().toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-checksum-") && !n.equals("x-amz-checksum-type") && !n.equals("x-amz-checksum-algorithm")
                    && !n.equals("x-amz-checksum-mode")) {
                out.add(n.substring("x-amz-checksum-".length()));
            }
        }
        String trailer = head.header("x-amz-trailer");
        if (trailer != null) {
            for (String t : trailer.split(",")) {
                String n = t.trim().toLowerCase(Locale.ROOT);
                if (n.startsWith("x-amz-checksum-")) {
                    out.add(n.substring("x-amz-checksum-".length()));
                }
            }
        }
        return out;
    }

    void update(ByteBuf data) {
        for (ByteBuffer b : data.nioBuffers()) {
            int pos = b.position();
            md5.update(b);
            if (sha256 != null) {
                b.position(pos);
                sha256.update(b);
            }
            for (Object c : checksums.values()) {
                b.position(pos);
                if (c instanceof Checksum crc) {
                    crc.update(b);
                } else {
                    ((MessageDigest) c).update(b);
                }
            }
        }
    }

    byte[] md5() {
        return md5Value;
    }

    /**
     * Checks Content-MD5, the signed SHA-256 and x-amz-checksum-* values (from headers or trailers); throws on a
     * mismatch and returns whether Content-MD5 or an x-amz-checksum-* value was supplied.
     */
    boolean verify(Map<String, String> trailers, String expectedSha256) {
        md5Value = md5.digest();
        boolean integrity = false;
        String contentMd5 = head.header("Content-MD5");
        if (contentMd5 != null) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(contentMd5.trim());
            } catch (IllegalArgumentException e) {
                given = null;
            }
            if (given == null || given.length != 16) {
                throw new CosException(400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
            }
            if (!MessageDigest.isEqual(given, md5Value)) {
                throw new CosException(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
            }
            integrity = true;
        }
        byte[] shaValue = sha256 == null ? null : sha256.digest();
        if (expectedSha256 != null) {
            if (!expectedSha256.equals(Codec.hex(shaValue))) {
                throw new CosException(400, "XAmzContentSHA256Mismatch",
                        "The provided 'x-amz-content-sha256' header does not match what was computed.");
            }
        }
        for (String alg : announcedAlgorithms(head)) {
            String name = "x-amz-checksum-" + alg;
            String given = head.header(name) != null ? head.header(name) : trailers.get(name);
            if (given == null) {
                throw new CosException(400, "InvalidRequest", "Missing announced checksum " + name);
            }
            String actual = switch (alg) {
                case "crc32", "crc32c" -> crcBase64((Checksum) checksums.get(alg));
                case "sha1" -> Codec.base64(((MessageDigest) checksums.get(alg)).digest());
                case "sha256" -> Codec.base64(shaValue);
                default -> null;
            };
            if (actual != null && !actual.equals(given.trim())) {
                throw new CosException(400, "BadDigest", "The " + name + " you specified did not match the calculated checksum.");
            }
            integrity = true;
        }
        return integrity;
    }

    private static String crcBase64(Checksum crc) {
        long v = crc.getValue();
        return Codec.base64(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }
}
