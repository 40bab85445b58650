package io.ibmcos.client.aspera;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Incremental parser of the ascp management stream. A frame is the line {@code FASPMGR 2}, {@code Key: Value}
 * lines split at the first {@code ": "} (values may contain colons: Windows paths, descriptions), and an empty
 * line. Lines outside a frame and lines without a separator are ignored rather than fatal, so one odd line cannot
 * hide the final DONE or ERROR. Values are un-escaped defensively (ESC n, ESC r, ESC ESC), as newer ascp versions
 * escape line breaks in file names.
 */
public final class ManagementParser {

    static final char ESC = 0x1b;

    private final Consumer<ManagementFrame> sink;
    private Map<String, String> current;
    private int ignoredLines;

    public ManagementParser(Consumer<ManagementFrame> sink) {
        this.sink = sink;
    }

    /** Feeds one line without its line end ({@code \r} is tolerated). */
    public void line(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.equals(ManagementFrame.HEADER)) {
            if (current != null && !current.isEmpty()) {
                sink.accept(new ManagementFrame(current)); // a frame cut short still counts
            }
            current = new LinkedHashMap<>();
            return;
        }
        if (line.isEmpty()) {
            if (current != null) {
                sink.accept(new ManagementFrame(current));
                current = null;
            }
            return;
        }
        int sep = line.indexOf(": ");
        if (current == null || sep <= 0) {
            if (current != null && line.endsWith(":") && line.indexOf(':') == line.length() - 1) {
                current.put(line.substring(0, line.length() - 1), ""); // "Key:" with an empty value
            } else {
                ignoredLines++;
            }
            return;
        }
        current.put(line.substring(0, sep), unescape(line.substring(sep + 2)));
    }

    /** End of stream: a frame without its final empty line is still delivered. */
    public void end() {
        if (current != null && !current.isEmpty()) {
            sink.accept(new ManagementFrame(current));
        }
        current = null;
    }

    /** Lines that belonged to no frame or had no {@code Key: Value} shape. */
    public int ignoredLines() {
        return ignoredLines;
    }

    static String unescape(String value) {
        if (value.indexOf(ESC) < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ESC && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> out.append(ESC).append('n');
                case '\r' -> out.append(ESC).append('r');
                case ESC -> out.append(ESC).append(ESC);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
