package io.ibmcos.client.xml;

import io.ibmcos.client.error.CosClientException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small read-only element tree built with StAX. Names are local names, so responses parse the same with or
 * without the S3 namespace. COS answers are small (at most 1000 entries a page), so a tree is cheap and keeps the
 * codecs readable. External entities and DTDs are disabled.
 */
public final class XmlNode {

    private static final XMLInputFactory FACTORY = createFactory();

    private final String name;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name) {
        this.name = name;
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Parses a document; an empty or broken body is a {@link CosClientException} naming what was expected. */
    public static XmlNode parse(byte[] xml, String expectedRoot) {
        if (xml == null || xml.length == 0) {
            throw new CosClientException("Expected a " + expectedRoot + " XML answer but the body was empty");
        }
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                XmlNode root = null;
                List<XmlNode> stack = new ArrayList<>();
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        XmlNode node = new XmlNode(reader.getLocalName());
                        if (stack.isEmpty()) {
                            root = node;
                        } else {
                            stack.get(stack.size() - 1).children.add(node);
                        }
                        stack.add(node);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        stack.remove(stack.size() - 1);
                    } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                            && !stack.isEmpty()) {
                        stack.get(stack.size() - 1).text.append(reader.getText());
                    }
                }
                if (root == null) {
                    throw new CosClientException("Expected a " + expectedRoot + " XML answer but found no element");
                }
                return root;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new CosClientException("Could not parse the " + expectedRoot + " XML answer: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** Trimmed text content. */
    public String text() {
        return text.toString().trim();
    }

    /** Text exactly as sent (object keys may start or end with spaces). */
    public String rawText() {
        return text.toString();
    }

    public List<XmlNode> children() {
        return children;
    }

    /** First child with that local name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** First child among alternative names (for wrappers that differ between sources), or null. */
    public XmlNode childAny(String... names) {
        for (String n : names) {
            XmlNode c = child(n);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    public List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Trimmed text of a child, or null when absent. */
    public String childText(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text();
    }

    /** Untrimmed text of a child (for keys), or null. */
    public String childRawText(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.rawText();
    }
}
