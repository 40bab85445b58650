package io.ibmcos.camel.producer;

import io.ibmcos.client.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks of per-message values before any request, with messages that name the header or option the value came from.
 * The client core checks the same rules again, but its messages cannot know where a value came from.
 */
public final class InputChecks {

    /** COS (like S3) limits the user metadata of an object to 2 KiB: names and values, UTF-8 bytes. */
    public static final int MAX_USER_METADATA_BYTES = 2048;

    private InputChecks() {
    }

    /** A bucket name by the COS rules; {@code where} says where it came from ("header X or option y"). */
    public static String bucket(String name, String where) {
        try {
            return Validation.bucketName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid bucket (" + where + "): " + e.getMessage(), e);
        }
    }

    /** An object key: 1–1024 bytes of UTF-8, no NUL (XML 1.0, used by listings, cannot carry it). */
    public static String key(String key, String where) {
        try {
            Validation.key(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid object key (" + where + "): " + e.getMessage(), e);
        }
        if (key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Invalid object key (" + where + "): it contains a NUL character");
        }
        return key;
    }

    /**
     * User metadata: names are HTTP tokens, values have no control characters (a CR or LF would end the HTTP header
     * and start another), and the whole set is at most 2 KiB.
     */
    public static Map<String, String> userMetadata(Map<String, String> metadata, String header) {
        if (metadata == null) {
            return null;
        }
        int bytes = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || !isToken(name)) {
                throw new IllegalArgumentException("Invalid user metadata name in header " + header + ": '"
                        + printable(name) + "' (use letters, digits and -_.)");
            }
            headerValue(e.getValue(), header + " (metadata " + name + ")");
            bytes += name.getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_USER_METADATA_BYTES) {
            throw new IllegalArgumentException("User metadata in header " + header + " is " + bytes
                    + " bytes; COS allows at most " + MAX_USER_METADATA_BYTES + " bytes (names and values)");
        }
        return metadata;
    }

    /** A value sent as an HTTP header: no CR, LF or other control characters except tab. */
    public static String headerValue(String value, String header) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("Header " + header + " contains a control character (code "
                        + (int) c + ") at index " + i + "; it cannot be sent as an HTTP header");
            }
        }
        return value;
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(64).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
