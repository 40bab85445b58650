package io.ibmcos.client.xml;

import io.ibmcos.client.model.ObjectListing;
import io.ibmcos.client.model.ObjectSummary;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ListBucketResult} of list v1 and v2. We ask for {@code encoding-type=url} (so keys with characters XML
 * cannot carry survive) and decode when the answer says it is encoded.
 */
public final class ListObjectsXml {

    private ListObjectsXml() {
    }

    public static ObjectListing parse(byte[] body) {
        XmlNode root = XmlNode.parse(body, "ListBucketResult");
        boolean encoded = "url".equalsIgnoreCase(root.childText("EncodingType"));
        List<ObjectSummary> objects = new ArrayList<>();
        for (XmlNode c : root.all("Contents")) {
            XmlNode owner = c.child("Owner");
            objects.add(new ObjectSummary(decode(c.childRawText("Key"), encoded), CosDates.parse(c.childText("LastModified")),
                    Etags.strip(c.childText("ETag")), parseLong(c.childText("Size")), c.childText("StorageClass"),
                    owner == null ? null : owner.childText("ID")));
        }
        List<String> prefixes = new ArrayList<>();
        for (XmlNode p : root.all("CommonPrefixes")) {
            prefixes.add(decode(p.childRawText("Prefix"), encoded));
        }
        String keyCount = root.childText("KeyCount");
        String maxKeys = root.childText("MaxKeys");
        return new ObjectListing(root.childText("Name"), decode(root.childRawText("Prefix"), encoded),
                decode(root.childRawText("Delimiter"), encoded), maxKeys == null ? 0 : Integer.parseInt(maxKeys),
                keyCount == null ? objects.size() : Integer.parseInt(keyCount),
                Boolean.parseBoolean(root.childText("IsTruncated")), root.childText("ContinuationToken"),
                root.childText("NextContinuationToken"), decode(root.childRawText("StartAfter"), encoded),
                decode(root.childRawText("Marker"), encoded), decode(root.childRawText("NextMarker"), encoded), objects,
                prefixes);
    }

    static String decode(String value, boolean encoded) {
        if (value == null || value.isEmpty()) {
            return value == null || value.isEmpty() ? null : value;
        }
        return encoded ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value;
    }

    static long parseLong(String v) {
        return v == null || v.isEmpty() ? 0L : Long.parseLong(v);
    }
}
