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

/**
 * GET ?uploads: uploads in progress, ordered by key then upload id, with prefix, delimiter (keys rolled up into
 * CommonPrefixes), markers and max-uploads.
 */
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
        String delimiter = ListOps.emptyToNull(q.query("delimiter"));
        int max = Lookup.maxKeys(q.query("max-uploads"), "max-uploads");
        boolean url = ListOps.encoding(q.query("encoding-type"));
        List<UploadRecord> all = new ArrayList<>(storage.uploads(call.bucket()));
        all.sort(Comparator.comparing(UploadRecord::key, KeyOrder.INSTANCE).thenComparing(UploadRecord::uploadId));
        List<UploadRecord> page = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String lastKey = null;
        for (UploadRecord u : all) {
            if (prefix != null && !u.key().startsWith(prefix)) {
                continue;
            }
            if (keyMarker != null) {
                int c = KeyOrder.INSTANCE.compare(u.key(), keyMarker);
                if (c < 0 || c == 0 && (idMarker == null || u.uploadId().compareTo(idMarker) <= 0)
                        || delimiter != null && keyMarker.endsWith(delimiter) && u.key().startsWith(keyMarker)) {
                    continue;
                }
            }
            String rolled = null;
            if (delimiter != null) {
                int from = prefix == null ? 0 : prefix.length();
                int idx = u.key().indexOf(delimiter, from);
                if (idx >= 0) {
                    rolled = u.key().substring(0, idx + delimiter.length());
                    if (!prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(rolled)) {
                        continue;
                    }
                }
            }
            if (page.size() + prefixes.size() == max) {
                truncated = true;
                break;
            }
            if (rolled != null) {
                prefixes.add(rolled);
                lastKey = rolled;
            } else {
                page.add(u);
                lastKey = u.key();
            }
        }
        Xml xml = Xml.document("ListMultipartUploadsResult").element("Bucket", call.bucket())
                .element("KeyMarker", keyMarker == null ? "" : ListOps.enc(keyMarker, url))
                .element("UploadIdMarker", idMarker == null ? "" : idMarker);
        if (truncated) {
            // resume after the last entry: an upload (key + id) or a rolled-up prefix (key only)
            boolean lastIsUpload = !page.isEmpty() && page.get(page.size() - 1).key().equals(lastKey);
            xml.element("NextKeyMarker", ListOps.enc(lastKey, url))
                    .element("NextUploadIdMarker", lastIsUpload ? page.get(page.size() - 1).uploadId() : "");
        }
        if (prefix != null) {
            xml.element("Prefix", ListOps.enc(prefix, url));
        }
        if (delimiter != null) {
            xml.element("Delimiter", ListOps.enc(delimiter, url));
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
        for (String p : prefixes) {
            xml.start("CommonPrefixes").element("Prefix", ListOps.enc(p, url)).end("CommonPrefixes");
        }
        return Response.xml(200, xml.finish("ListMultipartUploadsResult"));
    }

    static void principal(Xml xml, String element) {
        xml.start(element).element("ID", "owner").element("DisplayName", "owner").end(element);
    }
}
