package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.RequestHead;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.protocol.XmlDoc;
import io.ibmcos.emulator.storage.BlobRef;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.PartRecord;
import io.ibmcos.emulator.storage.Retention;
import io.ibmcos.emulator.storage.Storage;
import io.ibmcos.emulator.storage.UploadRecord;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/** Multipart upload: initiate, upload part, complete, abort, list parts. Listing uploads is in {@link UploadListing}. */
public final class MultipartOps {
    static final long MIN_PART = 5L * 1024 * 1024;
    static final int MAX_PART_NUMBER = 10_000;

    private final Storage storage;

    public MultipartOps(Storage storage) {
        this.storage = storage;
    }

    public Response initiate(Call call) throws IOException {
        Lookup.bucket(storage, call.bucket());
        ObjectOps.checkKey(call.key());
        // time-ordered prefix keeps ids roughly sortable, like COS's "0000015a-..." ids
        String id = String.format("%016x", call.now().toEpochMilli()) + "-" + UUID.randomUUID();
        storage.createUpload(new UploadRecord(id, call.bucket(), call.key(), call.now(),
                ObjectHeaders.contentHeaders(call.head()), ObjectHeaders.userMetadata(call.head())));
        byte[] body = Xml.document("InitiateMultipartUploadResult").element("Bucket", call.bucket())
                .element("Key", call.key()).element("UploadId", id).finish("InitiateMultipartUploadResult");
        return Response.xml(200, body);
    }

    private UploadRecord upload(RequestHead head) {
        Lookup.bucket(storage, head.bucket());
        String id = head.query("uploadId");
        UploadRecord u = id == null ? null : storage.upload(id).orElse(null);
        if (u == null || !u.bucket().equals(head.bucket()) || !u.key().equals(head.key())) {
            throw CosException.noSuchUpload();
        }
        return u;
    }

    private static int partNumber(RequestHead head) {
        try {
            int n = Integer.parseInt(head.query("partNumber"));
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw CosException.invalidArgument("Part number must be an integer between 1 and " + MAX_PART_NUMBER + ", inclusive");
    }

    public void precheckPart(RequestHead head) {
        upload(head);
        partNumber(head);
        ObjectOps.checkDeclaredSize(head);
    }

    public Response uploadPart(Call call) throws IOException {
        UploadRecord u = upload(call.head());
        ObjectOps.requireIntegrity(Lookup.bucket(storage, u.bucket()), call);
        PartRecord part = new PartRecord(partNumber(call.head()), Codec.hex(call.body().md5()), call.body().size(),
                call.now(), call.body().blob());
        synchronized (storage.lock()) {
            if (storage.upload(u.uploadId()).isEmpty()) {
                throw CosException.noSuchUpload();
            }
            storage.putPart(u.uploadId(), part);
        }
        return Response.ok().header("ETag", ObjectHeaders.quote(part.etag()));
    }

    /** UploadPartCopy: a part made from (a byte range of) an existing object, x-amz-copy-source-range optional. */
    public Response uploadPartCopy(Call call) throws IOException {
        UploadRecord u = upload(call.head());
        int number = partNumber(call.head());
        String[] source = CopyOps.parseSource(call.header("x-amz-copy-source"));
        ObjectRecord src = Lookup.object(storage, source[0], source[1]);
        Conditionals.check(src, call::header, "x-amz-copy-source-", true);
        long[] range = copyRange(call.header("x-amz-copy-source-range"), src.size());
        MessageDigest md5 = Codec.digest("MD5");
        BlobRef blob = storage.copyRange(src.blobs(), range[0], range[1], md5);
        PartRecord part = new PartRecord(number, Codec.hex(md5.digest()), range[1], call.now(), blob);
        try {
            synchronized (storage.lock()) {
                if (storage.upload(u.uploadId()).isEmpty()) {
                    throw CosException.noSuchUpload();
                }
                storage.putPart(u.uploadId(), part);
            }
        } catch (CosException | IOException e) {
            storage.discard(List.of(blob));
            throw e;
        }
        byte[] body = Xml.document("CopyPartResult").element("LastModified", HttpDates.iso(part.lastModified()))
                .element("ETag", ObjectHeaders.quote(part.etag())).finish("CopyPartResult");
        return Response.xml(200, body);
    }

    /** {offset, length} from "bytes=first-last" (inclusive, within the source), or the whole source. */
    static long[] copyRange(String header, long size) {
        if (header == null) {
            return new long[] {0, size};
        }
        String h = header.trim();
        int dash = h.indexOf('-');
        try {
            if (!h.startsWith("bytes=") || dash < 0) {
                throw new NumberFormatException(h);
            }
            long first = Long.parseLong(h.substring(6, dash).trim());
            long last = Long.parseLong(h.substring(dash + 1).trim());
            if (first < 0 || last < first || last >= size) {
                throw CosException.invalidArgument("Range specified is not valid for source object of size: " + size);
            }
            return new long[] {first, last - first + 1};
        } catch (NumberFormatException e) {
            throw CosException.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last");
        }
    }

    public Response complete(Call call) throws IOException {
        UploadRecord u = upload(call.head());
        BucketRecord bucket = Lookup.bucket(storage, u.bucket());
        XmlDoc doc = XmlDoc.parse(call.body().bytes(), "CompleteMultipartUpload");
        List<Element> requested = XmlDoc.children(doc.root(), "Part");
        if (requested.isEmpty()) {
            throw CosException.malformedXml("CompleteMultipartUpload lists no parts");
        }
        Retention retention = RetentionRules.forWrite(bucket.protection(), call::header, call.now());
        var holds = ObjectOps.initialHolds(call);
        Map<Integer, PartRecord> stored = storage.parts(u.uploadId()).stream()
                .collect(Collectors.toMap(PartRecord::partNumber, Function.identity()));
        List<PartRecord> chosen = choose(requested, stored);
        MessageDigest md5s = Codec.digest("MD5");
        List<BlobRef> blobs = new ArrayList<>();
        long size = 0;
        for (PartRecord p : chosen) {
            md5s.update(HexFormat.of().parseHex(p.etag()));
            blobs.add(p.blob());
            size += p.size();
        }
        String etag = Codec.hex(md5s.digest()) + "-" + chosen.size();
        ObjectRecord record = new ObjectRecord(u.key(), size, etag, call.now(), u.contentHeaders(), u.userMetadata(),
                retention, holds, blobs);
        synchronized (storage.lock()) {
            if (storage.upload(u.uploadId()).isEmpty()) {
                throw CosException.noSuchUpload();
            }
            ObjectOps.refuseIfProtected(storage.object(u.bucket(), u.key()), call.now());
            storage.putObject(u.bucket(), record);
            storage.removeUpload(u.uploadId(), blobs);
        }
        byte[] body = Xml.document("CompleteMultipartUploadResult")
                .element("Location", "/" + u.bucket() + "/" + u.key()).element("Bucket", u.bucket())
                .element("Key", u.key()).element("ETag", ObjectHeaders.quote(etag)).finish("CompleteMultipartUploadResult");
        return Response.xml(200, body);
    }

    /** Validates the client's part list against the stored parts (order, ETags, minimum size). */
    static List<PartRecord> choose(List<Element> requested, Map<Integer, PartRecord> stored) {
        List<PartRecord> chosen = new ArrayList<>();
        int previous = 0;
        for (Element e : requested) {
            int number;
            try {
                number = Integer.parseInt(XmlDoc.text(e, "PartNumber").trim());
            } catch (RuntimeException ex) {
                throw CosException.malformedXml("PartNumber must be an integer");
            }
            if (number <= previous) {
                throw new CosException(400, "InvalidPartOrder",
                        "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
            }
            previous = number;
            PartRecord p = stored.get(number);
            String etag = XmlDoc.text(e, "ETag");
            if (p == null || etag == null || !ObjectHeaders.unquote(etag).equals(p.etag())) {
                throw new CosException(400, "InvalidPart", "One or more of the specified parts could not be found. "
                        + "The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.");
            }
            chosen.add(p);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART) {
                throw new CosException(400, "EntityTooSmall",
                        "Your proposed upload is smaller than the minimum allowed object size (part " + chosen.get(i).partNumber() + ").");
            }
        }
        return chosen;
    }

    public Response abort(Call call) throws IOException {
        UploadRecord u = upload(call.head());
        synchronized (storage.lock()) {
            storage.removeUpload(u.uploadId(), List.of());
        }
        return Response.noContent();
    }

    public Response listParts(Call call) {
        UploadRecord u = upload(call.head());
        int max = Lookup.maxKeys(call.head().query("max-parts"), "max-parts");
        int marker = 0;
        String m = call.head().query("part-number-marker");
        if (m != null && !m.isEmpty()) {
            try {
                marker = Integer.parseInt(m.trim());
            } catch (NumberFormatException e) {
                throw CosException.invalidArgument("part-number-marker must be an integer");
            }
        }
        List<PartRecord> page = new ArrayList<>();
        boolean truncated = false;
        for (PartRecord p : storage.parts(u.uploadId())) {
            if (p.partNumber() <= marker) {
                continue;
            }
            if (page.size() == max) {
                truncated = true;
                break;
            }
            page.add(p);
        }
        Xml xml = Xml.document("ListPartsResult").element("Bucket", u.bucket()).element("Key", u.key())
                .element("UploadId", u.uploadId());
        UploadListing.principal(xml, "Initiator");
        UploadListing.principal(xml, "Owner");
        xml.element("StorageClass", "STANDARD").element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", page.isEmpty() ? marker : page.get(page.size() - 1).partNumber())
                .element("MaxParts", max).element("IsTruncated", truncated);
        for (PartRecord p : page) {
            xml.start("Part").element("PartNumber", p.partNumber()).element("LastModified", HttpDates.iso(p.lastModified()))
                    .element("ETag", ObjectHeaders.quote(p.etag())).element("Size", p.size()).end("Part");
        }
        return Response.xml(200, xml.finish("ListPartsResult"));
    }
}
