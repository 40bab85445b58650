package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.auth.Authenticator;
import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.protocol.XmlDoc;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Bucket operations: list (plain and ?extended), create (location, Key Protect), head, delete, ?location. */
public final class BucketOps {
    static final String DEFAULT_LOCATION = "us-standard";
    private static final Pattern LOCATION = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}$");

    private final Storage storage;

    public BucketOps(Storage storage) {
        this.storage = storage;
    }

    private List<BucketRecord> visible(Call call) {
        String instance = call.auth().serviceInstance();
        List<BucketRecord> out = new ArrayList<>();
        for (BucketRecord b : storage.buckets()) {
            if (instance == null || instance.equals(b.serviceInstance())) {
                out.add(b);
            }
        }
        return out;
    }

    public Response listBuckets(Call call) {
        Xml xml = Xml.document("ListAllMyBucketsResult");
        owner(xml, call);
        xml.start("Buckets");
        for (BucketRecord b : visible(call)) {
            xml.start("Bucket").element("Name", b.name()).element("CreationDate", HttpDates.iso(b.creationDate())).end("Bucket");
        }
        xml.end("Buckets");
        return Response.xml(200, xml.finish("ListAllMyBucketsResult"));
    }

    public Response listBucketsExtended(Call call) {
        String prefix = call.head().query("prefix");
        String marker = call.head().query("marker");
        int max = Lookup.maxKeys(call.head().query("max-keys"), "max-keys");
        List<BucketRecord> page = new ArrayList<>();
        boolean truncated = false;
        for (BucketRecord b : visible(call)) {
            if ((prefix != null && !b.name().startsWith(prefix)) || (marker != null && b.name().compareTo(marker) <= 0)) {
                continue;
            }
            if (page.size() == max) {
                truncated = true;
                break;
            }
            page.add(b);
        }
        Xml xml = Xml.document("ListAllMyBucketsResult");
        owner(xml, call);
        xml.element("IsTruncated", truncated).element("Marker", marker == null ? "" : marker).element("MaxKeys", max)
                .element("Prefix", prefix == null ? "" : prefix);
        if (truncated && !page.isEmpty()) {
            xml.element("NextMarker", page.get(page.size() - 1).name());
        }
        xml.start("Buckets");
        for (BucketRecord b : page) {
            xml.start("Bucket").element("Name", b.name()).element("CreationDate", HttpDates.iso(b.creationDate()))
                    .element("LocationConstraint", b.locationConstraint()).end("Bucket");
        }
        xml.end("Buckets");
        return Response.xml(200, xml.finish("ListAllMyBucketsResult"));
    }

    private static void owner(Xml xml, Call call) {
        String id = call.auth().serviceInstance() == null ? "anonymous" : call.auth().serviceInstance();
        xml.start("Owner").element("ID", id).element("DisplayName", id).end("Owner");
    }

    public Response createBucket(Call call) throws IOException {
        String name = call.bucket();
        BucketNames.validate(name);
        String location = DEFAULT_LOCATION;
        byte[] body = call.body().bytes();
        if (body != null && body.length > 0) {
            XmlDoc doc = XmlDoc.parse(body, "CreateBucketConfiguration");
            String given = XmlDoc.text(doc.root(), "LocationConstraint");
            if (given != null && !given.isBlank()) {
                location = given.trim();
            }
        }
        if (!LOCATION.matcher(location).matches()) {
            throw CosException.badRequest("InvalidLocationConstraint", "The specified location-constraint is not valid: " + location);
        }
        String algorithm = call.header("ibm-sse-kp-encryption-algorithm");
        String rootKey = call.header("ibm-sse-kp-customer-root-key-crn");
        if (algorithm != null && rootKey == null) {
            throw CosException.badRequest("InvalidArgument", "The Key CRN could not be found");
        }
        if (rootKey != null) {
            algorithm = algorithm == null ? "AES256" : algorithm;
            if (!rootKey.startsWith("crn:") || keyId(rootKey).isEmpty()) {
                throw CosException.badRequest("InvalidArgument", "The Key CRN could not be found");
            }
        }
        String instance = call.auth().serviceInstance();
        BucketRecord bucket = new BucketRecord(name, call.now(), instance, location, algorithm, rootKey, null);
        if (!storage.createBucket(bucket)) {
            BucketRecord existing = storage.bucket(name).orElse(null);
            if (existing != null && (instance == null || instance.equals(existing.serviceInstance()))) {
                throw new CosException(409, "BucketAlreadyOwnedByYou",
                        "Your previous request to create the named bucket succeeded and you already own it.");
            }
            throw new CosException(409, "BucketAlreadyExists",
                    "The requested bucket name is not available. The bucket namespace is shared by all users of the system.");
        }
        return Response.ok().header("Location", "/" + name);
    }

    public Response headBucket(Call call) {
        BucketRecord b = Lookup.bucket(storage, call.bucket());
        Response r = Response.ok();
        if (b.kpRootKeyCrn() != null) {
            // the docs name ibm-sse-kp-crk-id (the key id); IBM's Java SDK reads ibm-sse-kp-customer-root-key-crn: send both
            r.header("ibm-sse-kp-enabled", "True").header("ibm-sse-kp-crk-id", keyId(b.kpRootKeyCrn()))
                    .header("ibm-sse-kp-customer-root-key-crn", b.kpRootKeyCrn());
        }
        if (b.protection() != null) {
            r.header("x-ibm-protection-management-state", "active");
        }
        return r;
    }

    /** The root key id is the last segment of a Key Protect key CRN (...:key:ID). */
    static String keyId(String crn) {
        int colon = crn.lastIndexOf(':');
        return colon < 0 ? crn : crn.substring(colon + 1);
    }

    public Response deleteBucket(Call call) throws IOException {
        Lookup.bucket(storage, call.bucket());
        synchronized (storage.lock()) {
            if (!storage.isEmpty(call.bucket())) {
                throw new CosException(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.");
            }
            storage.deleteBucket(call.bucket());
        }
        return Response.noContent();
    }

    public Response location(Call call) {
        BucketRecord b = Lookup.bucket(storage, call.bucket());
        return Response.xml(200, Xml.document("LocationConstraint").text(b.locationConstraint()).finish("LocationConstraint"));
    }

    /**
     * GET ?acl on a bucket or object. The emulator has one owner per instance and no ACL model: it answers with the
     * owner holding FULL_CONTROL (IBM's SDK probes bucket existence with this call).
     */
    public Response acl(Call call) {
        if (call.key() == null) {
            Lookup.bucket(storage, call.bucket());
        } else {
            Lookup.object(storage, call.bucket(), call.key());
        }
        String id = (call.auth().serviceInstance() == null ? "anonymous" : call.auth().serviceInstance())
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // written by hand: the Grantee element needs the xsi:type attribute, which the small Xml writer does not do
        String who = "<ID>" + id + "</ID><DisplayName>" + id + "</DisplayName>";
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AccessControlPolicy xmlns=\"" + Xml.S3_NS + "\"><Owner>"
                + who + "</Owner><AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"CanonicalUser\">" + who + "</Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";
        return Response.xml(200, body.getBytes(StandardCharsets.UTF_8));
    }
}
