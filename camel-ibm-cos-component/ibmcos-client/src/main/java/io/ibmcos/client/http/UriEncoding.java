package io.ibmcos.client.http;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as SigV4 and S3 URLs need it. One implementation shared by the signer and the
 * URL builder: if they encoded differently, every key with a space, '+' or unicode would fail signature checks.
 */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * Encodes every byte except the unreserved set {@code A-Z a-z 0-9 - _ . ~}.
     *
     * @param value     the raw (decoded) text
     * @param keepSlash true for object keys in paths, where '/' separates segments and stays literal
     */
    public static String encode(String value, boolean keepSlash) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
