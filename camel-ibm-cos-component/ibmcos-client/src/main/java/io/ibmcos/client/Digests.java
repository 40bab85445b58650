package io.ibmcos.client;

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

    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}
