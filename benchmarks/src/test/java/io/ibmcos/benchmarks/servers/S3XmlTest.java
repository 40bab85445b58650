package io.ibmcos.benchmarks.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The discard sink's responses are well-formed S3 XML that SDK parsers can read (names escaped). */
class S3XmlTest {

    @Test
    void initiateCarriesTheUploadIdAndEscapesTheKey() throws Exception {
        Document doc = parse(S3Xml.initiateMultipartUpload("b", "a&b<c>.bin", "id-1"));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("InitiateMultipartUploadResult");
        assertThat(text(doc, "Key")).isEqualTo("a&b<c>.bin");
        assertThat(text(doc, "UploadId")).isEqualTo("id-1");
    }

    @Test
    void completeCarriesAQuotedETag() throws Exception {
        Document doc = parse(S3Xml.completeMultipartUpload("b", "k", "0123abcd-3"));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("CompleteMultipartUploadResult");
        assertThat(text(doc, "ETag")).isEqualTo("\"0123abcd-3\"");
    }

    @Test
    void listingsAreWellFormed() throws Exception {
        assertThat(text(parse(S3Xml.emptyPartListing("b", "k", "id")), "IsTruncated")).isEqualTo("false");
        assertThat(text(parse(S3Xml.emptyListing("b")), "KeyCount")).isEqualTo("0");
        assertThat(parse(S3Xml.locationConstraint()).getDocumentElement().getLocalName())
                .isEqualTo("LocationConstraint");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String element) {
        return doc.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }
}
