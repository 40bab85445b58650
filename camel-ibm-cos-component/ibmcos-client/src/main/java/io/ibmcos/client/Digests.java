package io.ibmcos.client;

import io.ibmcos.client.model.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Content-MD5 values (base64 of the binary MD5), required by COS for {@code ?delete} and {@code ?protection}. */
public final class Digests {

    private Digests() {
    }

    public static String contentMd5(byte[] data) {
        return contentMd5(data, 0, data.length);
    }

    public static String contentMd5(byte[] data, int offset, int length) {
        MessageDigest md5 = md5();
        md5.update(data, offset, length);
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    /**
     * Content-MD5 of a replayable payload: byte arrays directly, file regions by reading them once more. A one-shot
     * stream cannot be digested before it is sent.
     */
    public static String contentMd5(Payload payload) {
        if (payload instanceof Payload.Bytes b) {
            return contentMd5(b.data(), b.offset(), b.count());
        }
        if (payload instanceof Payload.Segments seg) {
            MessageDigest digest = md5();
            long left = seg.count();
            for (byte[] segment : seg.segments()) {
                int n = (int) Math.min(segment.length, left);
                digest.update(segment, 0, n);
                left -= n;
                if (left == 0) {
                    break;
                }
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        }
        if (!payload.replayable()) {
            throw new IllegalArgumentException("The Content-MD5 of a one-shot stream cannot be computed before it is "
                    + "sent; buffer it (the multipart uploader does) or upload from a file or byte array");
        }
        MessageDigest digest = md5();
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = payload.open()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                digest.update(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}
