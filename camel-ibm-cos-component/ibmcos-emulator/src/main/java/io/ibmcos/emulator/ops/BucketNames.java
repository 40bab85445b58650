package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import java.util.regex.Pattern;

/** COS bucket naming rules (cos-api.md §7.3). */
public final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private BucketNames() {
    }

    /** Returns null when valid, otherwise the reason. */
    public static String problem(String name) {
        if (name == null || name.length() < 3 || name.length() > 63) {
            return "must be 3 to 63 characters long";
        }
        if (!SHAPE.matcher(name).matches()) {
            return "may contain only lower-case letters, digits, '.' and '-', and must start and end with a letter or digit";
        }
        if (name.contains("..") || name.contains("--") || name.contains(".-") || name.contains("-.")) {
            return "must not contain consecutive dots or dashes, or a dash next to a dot";
        }
        if (IPV4.matcher(name).matches()) {
            return "must not be formatted as an IP address";
        }
        if (name.startsWith("cosv1-") || name.startsWith("account-")) {
            return "must not start with the reserved prefixes cosv1- or account-";
        }
        return null;
    }

    public static void validate(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new CosException(400, "InvalidBucketName", "The specified bucket is not valid: the name " + problem + ".");
        }
    }
}
