package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.KeyOrder;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.storage.Storage;
import io.ibmcos.emulator.storage.UploadRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GET ?uploads: uploads in progress, ordered by key then initiation, with prefix, markers and max-uploads. */
public final class UploadListing {
    private final Storage storage;

    public UploadListing(Storage storage) {
        this.storage = storage;
    }

    public Response list(Call call) {
        Lookup.bucket(storage, call.bucket());
        var q = call.head();
        String prefix = ListOps.emptyToNull(q.query("prefix"));
        String keyMarker = ListOps.emptyToNull(q.query("key-marker"));
        String idMarker = ListOps.emptyToNull(q.query("upload-id-marker"));
        int max = Lookup.maxKeys(q.query("max-uploads"), "max-uploads");
        boolean url = ListOps.encoding(q.query("encoding-type"));
        List<UploadRecord> all = new ArrayList<>(storage.uploads(call.bucket()));
        all.sort(Comparator.comparing(UploadRecord::key, KeyOrder.INSTANCE).thenComparing(UploadRecord::uploadId));
        List<UploadRecord> page = new ArrayList<>();
        boolean truncated = false;
        for (UploadRecord u : all) {
            if (prefix != null && !u.key().startsWith(prefix)) {
                continue;
            }
            if (keyMarker != null) {
                int c = KeyOrder.INSTANCE.compare(u.key(), keyMarker);
                if (c < 0 || c == 0 && (idMarker == null || u.uploadId().compareTo(idMarker) <= 0)) {
                    continue;
                }
            }
            if (page.size() == max) {
                truncated = true;
                break;
            }
            page.add(u);
        }
        Xml xml = Xml.document("ListMultipartUploadsResult").element("Bucket", call.bucket())
                .element("KeyMarker", keyMarker == null ? "" : ListOps.enc(keyMarker, url))
                .element("UploadIdMarker", idMarker == null ? "" : idMarker);
        if (truncated) {
            UploadRecord last = page.get(page.size() - 1);
            xml.element("NextKeyMarker", ListOps.enc(last.key(), url)).element("NextUploadIdMarker", last.uploadId());
        }
        if (prefix != null) {
            xml.element("Prefix", ListOps.enc(prefix, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("MaxUploads", max).element("IsTruncated", truncated);
        for (UploadRecord u : page) {
            xml.start("Upload").element("Key", ListOps.enc(u.key(), url)).element("UploadId", u.uploadId());
            principal(xml, "Initiator");
            principal(xml, "Owner");
            xml.element("StorageClass", "STANDARD").element("Initiated", HttpDates.iso(u.initiated())).end("Upload");
        }
        return Response.xml(200, xml.finish("ListMultipartUploadsResult"));
    }

    static void principal(Xml xml, String element) {
        xml.start(element).element("ID", "owner").element("DisplayName", "owner").end(element);
    }
}
