package io.ibmcos.emulator.ops;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.protocol.HttpDates;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.protocol.Xml;
import io.ibmcos.emulator.protocol.XmlDoc;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.LegalHold;
import io.ibmcos.emulator.storage.ObjectRecord;
import io.ibmcos.emulator.storage.ProtectionConfig;
import io.ibmcos.emulator.storage.Retention;
import io.ibmcos.emulator.storage.Storage;
import java.io.IOException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * IBM Immutable Object Storage endpoints: bucket ?protection (PUT/GET), object ?legalHold (add/remove/list) and
 * ?extendRetention. The rules themselves are in {@link RetentionRules}.
 */
public final class ImmutabilityOps {
    private final Storage storage;

    public ImmutabilityOps(Storage storage) {
        this.storage = storage;
    }

    public Response putProtection(Call call) throws IOException {
        DeleteObjectsOp.requireChecksum(call);
        BucketRecord bucket = Lookup.bucket(storage, call.bucket());
        Element root = XmlDoc.parse(call.body().bytes(), "ProtectionConfiguration").root();
        String status = XmlDoc.text(root, "Status");
        if (status == null || !status.trim().equals("Retention")) {
            throw CosException.invalidArgument("Status must be Retention (a protection configuration cannot be removed)");
        }
        ProtectionConfig next = new ProtectionConfig(days(root, "MinimumRetention"), days(root, "DefaultRetention"),
                days(root, "MaximumRetention"), "true".equalsIgnoreCase(trim(XmlDoc.text(root, "EnablePermanentRetention"))));
        synchronized (storage.lock()) {
            BucketRecord current = storage.bucket(bucket.name()).orElseThrow(CosException::noSuchBucket);
            RetentionRules.validateProtection(next, current.protection());
            storage.updateBucket(current.withProtection(next));
        }
        return Response.ok();
    }

    private static int days(Element root, String container) {
        Element c = XmlDoc.child(root, container);
        String text = c == null ? null : XmlDoc.text(c, "Days");
        if (text == null) {
            throw CosException.malformedXml(container + "/Days is required");
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw CosException.invalidArgument(container + "/Days must be an integer between 0 and " + RetentionRules.MAX_DAYS);
        }
    }

    public Response getProtection(Call call) {
        BucketRecord bucket = Lookup.bucket(storage, call.bucket());
        ProtectionConfig p = bucket.protection();
        Xml xml = Xml.document("ProtectionConfiguration");
        if (p == null) {
            xml.element("Status", "Disabled");
            return Response.xml(200, xml.finish("ProtectionConfiguration"));
        }
        xml.element("Status", "Retention")
                .start("MinimumRetention").element("Days", p.minimumDays()).end("MinimumRetention")
                .start("DefaultRetention").element("Days", p.defaultDays()).end("DefaultRetention")
                .start("MaximumRetention").element("Days", p.maximumDays()).end("MaximumRetention");
        if (p.permanentRetentionEnabled()) {
            xml.element("EnablePermanentRetention", true);
        }
        return Response.xml(200, xml.finish("ProtectionConfiguration"))
                .header("x-ibm-protection-management-state", "active");
    }

    /** The object, which must carry retention metadata (i.e. live in a protected bucket) for hold operations. */
    private ObjectRecord retained(Call call, int statusWithout) {
        ObjectRecord o = Lookup.object(storage, call.bucket(), call.key());
        if (o.retention() == null) {
            throw statusWithout == 404
                    ? new CosException(404, "NoSuchObjectRetention", "The object has no retention metadata")
                    : CosException.invalidArgument("The object has no retention metadata (bucket without protection configuration)");
        }
        return o;
    }

    public Response addLegalHold(Call call) throws IOException {
        synchronized (storage.lock()) {
            ObjectRecord o = retained(call, 400);
            List<LegalHold> holds = RetentionRules.addHold(o.legalHolds(), call.head().query("add"), call.now());
            storage.updateObject(call.bucket(), o.withLegalHolds(holds));
        }
        return Response.ok();
    }

    public Response removeLegalHold(Call call) throws IOException {
        synchronized (storage.lock()) {
            ObjectRecord o = retained(call, 400);
            List<LegalHold> holds = RetentionRules.removeHold(o.legalHolds(), call.head().query("remove"));
            storage.updateObject(call.bucket(), o.withLegalHolds(holds));
        }
        return Response.ok();
    }

    public Response listLegalHolds(Call call) {
        ObjectRecord o = retained(call, 404);
        Retention r = o.retention();
        // IBM's own document (no S3 namespace); LegalHolds, not the docs' LegalHoldSet, is what the SDK parsers read
        Xml xml = Xml.plainDocument("RetentionState").element("CreateTime", HttpDates.rfc1123(r.createTime()))
                .element("RetentionPeriod", r.periodSeconds());
        if (r.expiration() != null) {
            xml.element("RetentionPeriodExpirationDate", HttpDates.rfc1123(r.expiration()));
        }
        xml.start("LegalHolds");
        for (LegalHold h : o.legalHolds()) {
            xml.start("LegalHold").element("ID", h.id()).element("Date", HttpDates.rfc1123(h.date())).end("LegalHold");
        }
        xml.end("LegalHolds");
        return Response.xml(200, xml.finish("RetentionState"));
    }

    public Response extendRetention(Call call) throws IOException {
        synchronized (storage.lock()) {
            ObjectRecord o = retained(call, 400);
            BucketRecord bucket = Lookup.bucket(storage, call.bucket());
            Retention next = RetentionRules.extend(o.retention(), bucket.protection(), call::header, call.now());
            storage.updateObject(call.bucket(), o.withRetention(next));
        }
        return Response.ok();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
