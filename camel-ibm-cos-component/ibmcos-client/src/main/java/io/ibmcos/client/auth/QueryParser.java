package io.ibmcos.client.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decodes the query of a URI handed to {@link SigV4Signer#presign}, so its parameters can be re-encoded canonically. */
final class QueryParser {

    private QueryParser() {
    }

    /** Splits a raw query into decoded pairs. '+' stays a literal plus: S3 keys and tokens use it as such. */
    static List<Map.Entry<String, String>> parse(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            out.add(new SimpleImmutableEntry<>(percentDecode(name), percentDecode(value)));
        }
        return out;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Malformed percent-encoding in query");
                }
                bytes.write(hi << 4 | lo);
                i += 3;
            } else {
                // Copy the literal run up to the next escape in one go, so surrogate pairs stay together.
                int next = s.indexOf('%', i);
                int stop = next < 0 ? s.length() : next;
                bytes.writeBytes(s.substring(i, stop).getBytes(StandardCharsets.UTF_8));
                i = stop;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
