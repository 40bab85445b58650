package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.KeyOrder;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/** ListObjects (v1) and ListObjectsV2 over keys in UTF-8 byte order, with prefix, delimiter and paging. */
public final class ListOps {
    private final Storage storage;

    public ListOps(Storage storage) {
        this.storage = storage;
    }

    /** One page: objects and common prefixes in key order, and the last entry returned (the resume point). */
    record Page(List<ObjectRecord> contents, List<String> prefixes, boolean truncated, String last) {
    }

    Page scan(String bucket, String prefix, String delimiter, String after, int max) {
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        boolean afterBeforePrefix = after == null || KeyOrder.INSTANCE.compare(after, p) < 0;
        Iterator<ObjectRecord> it = afterBeforePrefix ? storage.objects(bucket, p.isEmpty() ? null : p, true)
                : storage.objects(bucket, after, false);
        // resuming after a common prefix: every key under it was already rolled up into that prefix
        String skipUnder = d != null && after != null && after.endsWith(d) ? after : null;
        List<ObjectRecord> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        while (it.hasNext()) {
            ObjectRecord o = it.next();
            String key = o.key();
            if (!key.startsWith(p)) {
                break;
            }
            if (skipUnder != null && key.startsWith(skipUnder)) {
                continue;
            }
            String rolled = null;
            if (d != null) {
                int idx = key.indexOf(d, p.length());
                if (idx >= 0) {
                    rolled = key.substring(0, idx + d.length());
                    if (rolled.equals(last)) {
                        continue;
                    }
                }
            }
            if (contents.size() + prefixes.size() == max) {
                return new Page(contents, prefixes, true, last);
            }
            if (rolled != null) {
                prefixes.add(rolled);
                last = rolled;
                skipUnder = rolled;
            } else {
                contents.add(o);
                last = key;
            }
        }
        return new Page(contents, prefixes, false, last);
    }

    public Response listV1(Call call) {
        Lookup.bucket(storage, call.bucket());
        var q = call.head();
        String prefix = q.query("prefix");
        String delimiter = q.query("delimiter");
        String marker = q.query("marker");
        int max = Lookup.maxKeys(q.query("max-keys"), "max-keys");
        boolean url = encoding(q.query("encoding-type"));
        Page page = scan(call.bucket(), prefix, delimiter, emptyToNull(marker), max);
        Xml xml = Xml.document("ListBucketResult").element("Name", call.bucket())
                .element("Prefix", enc(prefix == null ? "" : prefix, url)).element("Marker", enc(marker == null ? "" : marker, url))
                .element("MaxKeys", max);
        if (delimiter != null) {
            xml.element("Delimiter", enc(delimiter, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("IsTruncated", page.truncated());
        if (page.truncated()) {
            xml.element("NextMarker", enc(page.last(), url));
        }
        entries(xml, page, url, true);
        return Response.xml(200, xml.finish("ListBucketResult"));
    }

    public Response listV2(Call call) {
        Lookup.bucket(storage, call.bucket());
        var q = call.head();
        String prefix = q.query("prefix");
        String delimiter = q.query("delimiter");
        String token = emptyToNull(q.query("continuation-token"));
        String startAfter = emptyToNull(q.query("start-after"));
        int max = Lookup.maxKeys(q.query("max-keys"), "max-keys");
        boolean url = encoding(q.query("encoding-type"));
        String after = token != null ? decodeToken(token) : startAfter;
        Page page = scan(call.bucket(), prefix, delimiter, after, max);
        Xml xml = Xml.document("ListBucketResult").element("Name", call.bucket())
                .element("Prefix", enc(prefix == null ? "" : prefix, url))
                .element("KeyCount", page.contents().size() + page.prefixes().size()).element("MaxKeys", max);
        if (delimiter != null) {
            xml.element("Delimiter", enc(delimiter, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("IsTruncated", page.truncated());
        if (token != null) {
            xml.element("ContinuationToken", token);
        }
        if (page.truncated()) {
            xml.element("NextContinuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.last().getBytes(StandardCharsets.UTF_8)));
        }
        if (startAfter != null) {
            xml.element("StartAfter", enc(startAfter, url));
        }
        entries(xml, page, url, "true".equals(q.query("fetch-owner")));
        return Response.xml(200, xml.finish("ListBucketResult"));
    }

    private void entries(Xml xml, Page page, boolean url, boolean owner) {
        for (ObjectRecord o : page.contents()) {
            xml.start("Contents").element("Key", enc(o.key(), url))
                    .element("LastModified", HttpDates.iso(o.lastModified()))
                    .element("ETag", ObjectHeaders.quote(o.etag())).element("Size", o.size());
            if (owner) {
                xml.start("Owner").element("ID", "owner").element("DisplayName", "owner").end("Owner");
            }
            xml.element("StorageClass", "STANDARD").end("Contents");
        }
        for (String p : page.prefixes()) {
            xml.start("CommonPrefixes").element("Prefix", enc(p, url)).end("CommonPrefixes");
        }
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CosException.invalidArgument("The continuation token provided is incorrect");
        }
    }

    static boolean encoding(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!value.equals("url")) {
            throw CosException.invalidArgument("Invalid Encoding Method specified in Request");
        }
        return true;
    }

    static String enc(String value, boolean url) {
        return url ? Codec.uriEncode(value, true) : value;
    }

    static String emptyToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }
}
