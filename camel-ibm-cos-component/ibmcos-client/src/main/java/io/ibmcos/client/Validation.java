package io.ibmcos.client;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Input checks that run before any request, so bad names fail with a message that says what to fix. */
public final class Validation {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private Validation() {
    }

    /**
     * COS bucket naming rules: 3–63 characters of lowercase letters, digits, '.' and '-'; starting and ending with
     * a letter or digit; no consecutive dots or dashes, no dash next to a dot; not shaped like an IPv4 address; not
     * starting with the reserved prefixes {@code cosv1-} or {@code account-}.
     */
    public static String bucketName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A bucket name is required");
        }
        String why = bucketNameProblem(name);
        if (why != null) {
            throw new IllegalArgumentException("Invalid bucket name '" + name + "': " + why);
        }
        return name;
    }

    static String bucketNameProblem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return "it must be 3 to 63 characters long";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return "only lowercase letters, digits, '.' and '-' are allowed, found '" + c + "'";
            }
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return "it must start and end with a letter or digit";
        }
        if (name.contains("..") || name.contains("--") || name.contains(".-") || name.contains("-.")) {
            return "it must not contain consecutive dots or dashes, or a dash next to a dot";
        }
        if (IPV4.matcher(name).matches()) {
            return "it must not look like an IP address";
        }
        if (name.startsWith("cosv1-") || name.startsWith("account-")) {
            return "the prefixes 'cosv1-' and 'account-' are reserved";
        }
        return null;
    }

    /** Object keys: 1–1024 bytes of UTF-8. */
    public static String key(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("An object key is required");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw new IllegalArgumentException("Object key is longer than 1024 bytes: " + key.substring(0, 40) + "...");
        }
        return key;
    }
}
