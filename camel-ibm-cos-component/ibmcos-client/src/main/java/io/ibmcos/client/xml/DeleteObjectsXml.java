package io.ibmcos.client.xml;

import io.ibmcos.client.model.DeleteObjectsResult;
import java.util.ArrayList;
import java.util.List;

/** {@code <Delete>} request and {@code <DeleteResult>} answer of the multi-object delete. */
public final class DeleteObjectsXml {

    private DeleteObjectsXml() {
    }

    public static byte[] request(List<String> keys, boolean quiet) {
        XmlWriter w = new XmlWriter().open("Delete");
        if (quiet) {
            w.element("Quiet", "true");
        }
        for (String key : keys) {
            w.open("Object").element("Key", key).close("Object");
        }
        return w.close("Delete").toBytes();
    }

    public static DeleteObjectsResult parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new DeleteObjectsResult(List.of(), List.of());
        }
        XmlNode root = XmlNode.parse(body, "DeleteResult");
        List<String> deleted = new ArrayList<>();
        for (XmlNode d : root.all("Deleted")) {
            deleted.add(d.childRawText("Key"));
        }
        List<DeleteObjectsResult.DeleteError> errors = new ArrayList<>();
        for (XmlNode e : root.all("Error")) {
            errors.add(new DeleteObjectsResult.DeleteError(e.childRawText("Key"), e.childText("Code"),
                    e.childText("Message")));
        }
        return new DeleteObjectsResult(deleted, errors);
    }
}
