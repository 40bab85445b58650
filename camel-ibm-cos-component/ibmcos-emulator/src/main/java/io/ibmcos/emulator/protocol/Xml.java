package io.ibmcos.emulator.protocol;

import java.nio.charset.StandardCharsets;

/** Minimal streaming XML writer for response bodies; values are escaped, element names are trusted constants. */
public final class Xml {
    public static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder sb = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    public static Xml document(String root) {
        Xml xml = new Xml();
        xml.sb.append('<').append(root).append(" xmlns=\"").append(S3_NS).append("\">");
        return xml;
    }

    /** A root element without namespace (IBM's own documents such as RetentionState and Error). */
    public static Xml plainDocument(String root) {
        Xml xml = new Xml();
        xml.sb.append('<').append(root).append('>');
        return xml;
    }

    public Xml start(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    public Xml end(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    public Xml element(String name, Object value) {
        if (value == null) {
            return this;
        }
        sb.append('<').append(name).append('>');
        escape(String.valueOf(value));
        return end(name);
    }

    /** Text content of the current element. */
    public Xml text(Object value) {
        escape(String.valueOf(value));
        return this;
    }

    public byte[] finish(String root) {
        end(root);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
