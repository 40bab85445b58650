package io.ibmcos.client.aspera;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code FASPMGR 2} frame of the ascp management port: a {@code Type} and its {@code Key: Value} fields.
 */
public record ManagementFrame(Map<String, String> fields) {

    public static final String HEADER = "FASPMGR 2";

    public ManagementFrame {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String type() {
        return fields.getOrDefault("Type", "");
    }

    public String get(String key) {
        return fields.get(key);
    }

    /** A numeric field, or {@code fallback} when absent or not a number. */
    public long number(String key, long fallback) {
        String v = fields.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The frame in wire form (used for commands such as CANCEL). */
    public String encode() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        fields.forEach((k, v) -> out.append(k).append(": ").append(ManagementParser.escape(v)).append('\n'));
        return out.append('\n').toString();
    }

    /** A command frame with only a {@code Type}. */
    public static ManagementFrame command(String type) {
        return new ManagementFrame(Map.of("Type", type));
    }
}
