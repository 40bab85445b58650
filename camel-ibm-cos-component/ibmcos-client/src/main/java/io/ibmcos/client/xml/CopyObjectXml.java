package io.ibmcos.client.xml;

import io.ibmcos.client.model.CopyObjectResult;

/** {@code <CopyObjectResult>}. */
public final class CopyObjectXml {

    private CopyObjectXml() {
    }

    public static CopyObjectResult parse(XmlNode root) {
        return new CopyObjectResult(Etags.strip(root.childText("ETag")), CosDates.parse(root.childText("LastModified")));
    }
}
