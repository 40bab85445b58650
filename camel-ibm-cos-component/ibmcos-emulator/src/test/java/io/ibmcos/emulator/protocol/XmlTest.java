package io.ibmcos.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void writerEscapesValuesAndUsesS3Namespace() {
        String xml = new String(Xml.document("ListBucketResult").element("Key", "a<b>&\"c'\u0001")
                .element("Skipped", null).finish("ListBucketResult"), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .contains("<Key>a&lt;b&gt;&amp;&quot;c&apos;&#1;</Key>").doesNotContain("Skipped");
    }

    @Test
    void readerAcceptsBodiesWithAndWithoutNamespace() {
        for (String body : new String[] {
            "<Delete><Object><Key>k</Key></Object></Delete>",
            "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>k</Key></Object></Delete>",
            "<s3:Delete xmlns:s3=\"http://s3.amazonaws.com/doc/2006-03-01/\"><s3:Object><s3:Key>k</s3:Key></s3:Object></s3:Delete>"}) {
            XmlDoc doc = XmlDoc.parse(body.getBytes(StandardCharsets.UTF_8), "Delete");
            assertThat(XmlDoc.text(XmlDoc.children(doc.root(), "Object").get(0), "Key")).as(body).isEqualTo("k");
        }
    }

    @Test
    void readerRejectsEmptyWrongRootBrokenAndDoctype() {
        assertThatThrownBy(() -> XmlDoc.parse(new byte[0], "Delete"))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("MissingRequestBodyError"));
        assertThatThrownBy(() -> XmlDoc.parse("<Other/>".getBytes(StandardCharsets.UTF_8), "Delete"))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
        assertThatThrownBy(() -> XmlDoc.parse("<Delete>".getBytes(StandardCharsets.UTF_8), "Delete"))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete>&x;</Delete>";
        assertThatThrownBy(() -> XmlDoc.parse(xxe.getBytes(StandardCharsets.UTF_8), "Delete"))
                .isInstanceOfSatisfying(CosException.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
    }
}
