package io.ibmcos.client.aspera;

import java.nio.file.Path;

/**
 * Maps object keys to local files for downloads, refusing every key that could write outside the target folder:
 * {@code ..} or {@code .} segments, absolute keys ({@code /x}, {@code \x}, {@code C:x}), backslashes and NUL.
 * Names that merely contain dots ({@code a..b}) are fine.
 */
public final class KeyPaths {

    private KeyPaths() {
    }

    /**
     * The local file for {@code relativeKey} under {@code root}.
     *
     * @throws AsperaException naming the key when it is unsafe
     */
    public static Path resolve(Path root, String relativeKey) {
        String problem = problem(relativeKey);
        if (problem != null) {
            throw new AsperaException("Refusing to download key '" + printable(relativeKey) + "': " + problem);
        }
        Path base = root.toAbsolutePath().normalize();
        Path target = base.resolve(relativeKey).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new AsperaException("Refusing to download key '" + printable(relativeKey) + "': it maps outside "
                    + base);
        }
        return target;
    }

    /** Why the key cannot be mapped to a path, or null when it can. */
    public static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "the key is empty";
        }
        if (key.indexOf('\0') >= 0) {
            return "the key contains NUL";
        }
        if (key.indexOf('\\') >= 0) {
            return "the key contains a backslash";
        }
        if (key.startsWith("/")) {
            return "the key is absolute";
        }
        if (key.length() >= 2 && key.charAt(1) == ':' && Character.isLetter(key.charAt(0))) {
            return "the key starts with a drive letter";
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "the key has a '" + segment + "' segment";
            }
        }
        return null;
    }

    private static String printable(String key) {
        return key == null ? "null" : key.replace("\0", "\\0");
    }
}
