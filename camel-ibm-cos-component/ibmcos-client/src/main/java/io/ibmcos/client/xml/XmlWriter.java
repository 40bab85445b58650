package io.ibmcos.client.xml;

import java.nio.charset.StandardCharsets;

/**
 * Builds the few small request documents COS takes; escapes text so keys with '&' or '<' stay valid XML. Quotes
 * are left literal in text content (ETags are quoted values), as S3 clients send them.
 */
public final class XmlWriter {

    private final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

    public XmlWriter open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    public XmlWriter openWithNamespace(String name) {
        sb.append('<').append(name).append(" xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        return this;
    }

    public XmlWriter close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, Object value) {
        if (value != null) {
            open(name);
            escape(String.valueOf(value));
            close(name);
        }
        return this;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }

    public byte[] toBytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
