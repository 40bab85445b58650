package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.protocol.XmlDoc;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.Storage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** POST ?delete: up to 1000 keys, Content-MD5 (or x-amz-checksum-*) mandatory, per-key results, quiet mode. */
public final class DeleteObjectsOp {
    static final int MAX_KEYS = 1000;

    private final Storage storage;

    public DeleteObjectsOp(Storage storage) {
        this.storage = storage;
    }

    public Response deleteObjects(Call call) throws IOException {
        requireChecksum(call);
        Lookup.bucket(storage, call.bucket());
        XmlDoc doc = XmlDoc.parse(call.body().bytes(), "Delete");
        boolean quiet = "true".equalsIgnoreCase(trim(XmlDoc.text(doc.root(), "Quiet")));
        List<Element> objects = XmlDoc.children(doc.root(), "Object");
        if (objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw CosException.malformedXml("a Delete request names 1 to " + MAX_KEYS + " objects");
        }
        Xml xml = Xml.document("DeleteResult");
        for (Element e : objects) {
            String key = XmlDoc.text(e, "Key");
            if (key == null || key.isEmpty()) {
                throw CosException.malformedXml("Object without Key");
            }
            synchronized (storage.lock()) {
                Optional<ObjectRecord> existing = storage.object(call.bucket(), key);
                if (existing.isPresent() && existing.get().protectedAt(call.now())) {
                    xml.start("Error").element("Key", key).element("Code", "AccessDenied")
                            .element("Message", "The object is protected by a retention period or a legal hold").end("Error");
                    continue;
                }
                storage.deleteObject(call.bucket(), key);
            }
            if (!quiet) {
                xml.start("Deleted").element("Key", key).end("Deleted");
            }
        }
        return Response.xml(200, xml.finish("DeleteResult"));
    }

    /** COS demands an integrity header on ?delete and ?protection (a signed SHA-256 alone is not enough). */
    static void requireChecksum(Call call) {
        if (!call.body().checksumGiven()) {
            throw new CosException(400, "InvalidRequest",
                    "Missing required header for this request: Content-MD5 (or an x-amz-checksum-* header)");
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
