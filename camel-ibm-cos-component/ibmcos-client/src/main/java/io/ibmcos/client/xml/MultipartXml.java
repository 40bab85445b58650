package io.ibmcos.client.xml;

import io.ibmcos.client.model.CompleteMultipartUploadResult;
import io.ibmcos.client.model.CompletedPart;
import io.ibmcos.client.model.MultipartUploadListing;
import io.ibmcos.client.model.MultipartUploadSummary;
import io.ibmcos.client.model.PartListing;
import io.ibmcos.client.model.PartSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Documents of the multipart upload calls. */
public final class MultipartXml {

    private MultipartXml() {
    }

    public static String parseUploadId(byte[] body) {
        XmlNode root = XmlNode.parse(body, "InitiateMultipartUploadResult");
        String id = root.childText("UploadId");
        if (id == null || id.isEmpty()) {
            throw new io.ibmcos.client.error.CosClientException("InitiateMultipartUploadResult without an UploadId");
        }
        return id;
    }

    /** Parts in ascending order, as COS requires. */
    public static byte[] completeRequest(List<CompletedPart> parts) {
        List<CompletedPart> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(CompletedPart::partNumber));
        XmlWriter w = new XmlWriter().open("CompleteMultipartUpload");
        for (CompletedPart p : sorted) {
            w.open("Part").element("PartNumber", p.partNumber()).element("ETag", Etags.quote(p.eTag())).close("Part");
        }
        return w.close("CompleteMultipartUpload").toBytes();
    }

    public static CompleteMultipartUploadResult parseComplete(XmlNode root) {
        return new CompleteMultipartUploadResult(root.childText("Location"), root.childText("Bucket"),
                root.childRawText("Key"), Etags.strip(root.childText("ETag")));
    }

    public static PartListing parseParts(byte[] body) {
        XmlNode root = XmlNode.parse(body, "ListPartsResult");
        List<PartSummary> parts = new ArrayList<>();
        for (XmlNode p : root.all("Part")) {
            parts.add(new PartSummary(Integer.parseInt(p.childText("PartNumber")), Etags.strip(p.childText("ETag")),
                    ListObjectsXml.parseLong(p.childText("Size")), CosDates.parse(p.childText("LastModified"))));
        }
        String next = root.childText("NextPartNumberMarker");
        return new PartListing(root.childText("Bucket"), root.childRawText("Key"), root.childText("UploadId"), parts,
                Boolean.parseBoolean(root.childText("IsTruncated")),
                next == null || next.isEmpty() ? null : Integer.valueOf(next));
    }

    public static MultipartUploadListing parseUploads(byte[] body) {
        XmlNode root = XmlNode.parse(body, "ListMultipartUploadsResult");
        List<MultipartUploadSummary> uploads = new ArrayList<>();
        for (XmlNode u : root.all("Upload")) {
            uploads.add(new MultipartUploadSummary(u.childRawText("Key"), u.childText("UploadId"),
                    CosDates.parse(u.childText("Initiated"))));
        }
        List<String> prefixes = new ArrayList<>();
        for (XmlNode p : root.all("CommonPrefixes")) {
            prefixes.add(p.childRawText("Prefix"));
        }
        return new MultipartUploadListing(root.childText("Bucket"), uploads,
                Boolean.parseBoolean(root.childText("IsTruncated")), root.childText("NextKeyMarker"),
                root.childText("NextUploadIdMarker"), prefixes);
    }
}
