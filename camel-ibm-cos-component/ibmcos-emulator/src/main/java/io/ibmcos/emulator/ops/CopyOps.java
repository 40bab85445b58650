package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.storage.BlobRef;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.LegalHold;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.Retention;
import io.ibmcos.emulator.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Server-side copy ({@code x-amz-copy-source}) with {@code x-amz-metadata-directive} COPY|REPLACE and IBM's
 * {@code Retention-Directive} COPY|REPLACE.
 */
public final class CopyOps {
    private final Storage storage;

    public CopyOps(Storage storage) {
        this.storage = storage;
    }

    public Response copy(Call call) throws IOException {
        String[] source = parseSource(call.header("x-amz-copy-source"));
        BucketRecord target = Lookup.bucket(storage, call.bucket());
        ObjectOps.checkKey(call.key());
        ObjectRecord src = Lookup.object(storage, source[0], source[1]);
        Conditionals.check(src, call::header, "x-amz-copy-source-", true);
        boolean replaceMeta = directive(call.header("x-amz-metadata-directive"), "x-amz-metadata-directive");
        boolean replaceRetention = directive(call.header("Retention-Directive"), "Retention-Directive");
        boolean sameObject = source[0].equals(call.bucket()) && source[1].equals(call.key());
        if (sameObject && !replaceMeta && !replaceRetention) {
            throw new CosException(400, "InvalidRequest", "This copy request is illegal because it is trying to copy an object"
                    + " to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }
        Map<String, String> content = replaceMeta ? ObjectHeaders.contentHeaders(call.head()) : src.contentHeaders();
        Map<String, String> meta = replaceMeta ? ObjectHeaders.userMetadata(call.head()) : src.userMetadata();
        Retention retention;
        List<LegalHold> holds;
        if (target.protection() == null) {
            retention = RetentionRules.forWrite(null, call::header, call.now());
            holds = List.of();
        } else if (replaceRetention || src.retention() == null) {
            retention = RetentionRules.forWrite(target.protection(), call::header, call.now());
            holds = ObjectOps.initialHolds(call);
        } else {
            // COPY: the period and all holds travel with the object; their clocks restart at copy time
            long period = src.retention().periodSeconds();
            retention = new Retention(call.now(), period, period >= 0 ? call.now().plusSeconds(period) : null);
            holds = new ArrayList<>();
            for (LegalHold h : src.legalHolds()) {
                holds.add(new LegalHold(h.id(), call.now()));
            }
        }
        List<BlobRef> blobs = storage.copyBlobs(src.blobs());
        ObjectRecord copy = new ObjectRecord(call.key(), src.size(), src.etag(), call.now(), content, meta, retention, holds, blobs);
        try {
            synchronized (storage.lock()) {
                ObjectOps.refuseIfProtected(storage.object(call.bucket(), call.key()), call.now());
                storage.putObject(call.bucket(), copy);
            }
        } catch (CosException | IOException e) {
            storage.discard(blobs);
            throw e;
        }
        byte[] body = Xml.document("CopyObjectResult").element("LastModified", HttpDates.iso(copy.lastModified()))
                .element("ETag", ObjectHeaders.quote(copy.etag())).finish("CopyObjectResult");
        return Response.xml(200, body);
    }

    private static boolean directive(String value, String header) {
        if (value == null) {
            return false;
        }
        switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "COPY":
                return false;
            case "REPLACE":
                return true;
            default:
                throw CosException.invalidArgument("Unknown " + header + " value: " + value);
        }
    }

    /** "/bucket/url-encoded-key[?versionId=...]" (leading slash optional) → {bucket, key}. */
    static String[] parseSource(String header) {
        String v = header.trim();
        int q = v.indexOf('?');
        if (q >= 0) {
            v = v.substring(0, q);
        }
        v = Codec.percentDecode(v, false);
        if (v.startsWith("/")) {
            v = v.substring(1);
        }
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1) {
            throw CosException.invalidArgument("Invalid copy source: " + header);
        }
        return new String[] {v.substring(0, slash), v.substring(slash + 1)};
    }
}
