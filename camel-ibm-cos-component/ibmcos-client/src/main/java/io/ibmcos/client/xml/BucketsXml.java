package io.ibmcos.client.xml;

import io.ibmcos.client.model.Bucket;
import io.ibmcos.client.model.BucketListing;
import java.util.ArrayList;
import java.util.List;

/** {@code ListAllMyBucketsResult}, plain and extended, and the create-bucket body. */
public final class BucketsXml {

    private BucketsXml() {
    }

    public static BucketListing parse(byte[] body) {
        XmlNode root = XmlNode.parse(body, "ListAllMyBucketsResult");
        List<Bucket> buckets = new ArrayList<>();
        XmlNode wrapper = root.child("Buckets");
        if (wrapper != null) {
            for (XmlNode b : wrapper.all("Bucket")) {
                buckets.add(new Bucket(b.childText("Name"), CosDates.parse(b.childText("CreationDate")),
                        b.childText("LocationConstraint"), b.childText("CreationTemplateId")));
            }
        }
        XmlNode owner = root.child("Owner");
        String nextMarker = root.childText("NextMarker");
        boolean truncated = Boolean.parseBoolean(root.childText("IsTruncated"));
        if (truncated && (nextMarker == null || nextMarker.isEmpty()) && !buckets.isEmpty()) {
            // COS documents only Marker; the last name is the marker of the next page
            nextMarker = buckets.get(buckets.size() - 1).name();
        }
        return new BucketListing(buckets, owner == null ? null : owner.childText("ID"),
                owner == null ? null : owner.childText("DisplayName"), truncated, nextMarker);
    }

    public static byte[] createBucketConfiguration(String locationConstraint) {
        return new XmlWriter().open("CreateBucketConfiguration")
                .element("LocationConstraint", locationConstraint)
                .close("CreateBucketConfiguration").toBytes();
    }
}
