package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;

/** Single byte ranges as S3 serves them; multi-range and malformed headers are ignored (whole object). */
final class Ranges {
    private Ranges() {
    }

    /** [first, last] inclusive, or null to serve the whole object; 416 InvalidRange when unsatisfiable. */
    static long[] parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    throw unsatisfiable(size);
                }
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (!b.isEmpty() && Long.parseLong(b) < first) {
                    return null;
                }
            }
            if (first >= size || size == 0) {
                throw unsatisfiable(size);
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CosException unsatisfiable(long size) {
        return new CosException(416, "InvalidRange", "The requested range is not satisfiable (object size " + size + ")")
                .withHeader("Content-Range", "bytes */" + size);
    }
}
