package io.ibmcos.emulator.protocol;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parsed request XML. Namespace-unaware on purpose: COS accepts request bodies with or without the S3 namespace,
 * so elements are matched by local name. DTDs and external entities are refused.
 */
public final class XmlDoc {
    private final Element root;

    private XmlDoc(Element root) {
        this.root = root;
    }

    public static XmlDoc parse(byte[] body, String expectedRoot) {
        if (body == null || body.length == 0) {
            throw new CosException(400, "MissingRequestBodyError", "Request body is empty.");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(new ByteArrayInputStream(body));
            Element root = doc.getDocumentElement();
            if (!expectedRoot.equals(localName(root))) {
                throw CosException.malformedXml("expected root element " + expectedRoot + " but found " + localName(root));
            }
            return new XmlDoc(root);
        } catch (CosException e) {
            throw e;
        } catch (Exception e) {
            throw CosException.malformedXml(String.valueOf(e.getMessage()));
        }
    }

    public Element root() {
        return root;
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Text of a direct child element, or null when absent. */
    public static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static String localName(Element e) {
        String n = e.getTagName();
        int colon = n.indexOf(':');
        return colon < 0 ? n : n.substring(colon + 1);
    }
}
