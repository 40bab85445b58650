package io.ibmcos.client.xml;

import io.ibmcos.client.model.ProtectionConfiguration;

/**
 * {@code <ProtectionConfiguration>} of IBM Immutable Object Storage. Written without a namespace, as IBM's Java SDK
 * does; {@code EnablePermanentRetention} only when true (it must be repeated on every change once set).
 */
public final class ProtectionXml {

    private ProtectionXml() {
    }

    public static byte[] write(ProtectionConfiguration c) {
        XmlWriter w = new XmlWriter().open("ProtectionConfiguration").element("Status", c.status().wireValue());
        w.open("MinimumRetention").element("Days", c.minimumRetentionDays()).close("MinimumRetention");
        w.open("DefaultRetention").element("Days", c.defaultRetentionDays()).close("DefaultRetention");
        w.open("MaximumRetention").element("Days", c.maximumRetentionDays()).close("MaximumRetention");
        if (c.enablePermanentRetention()) {
            w.element("EnablePermanentRetention", "true");
        }
        return w.close("ProtectionConfiguration").toBytes();
    }

    public static ProtectionConfiguration parse(byte[] body) {
        XmlNode root = XmlNode.parse(body, "ProtectionConfiguration");
        return new ProtectionConfiguration(ProtectionConfiguration.Status.fromWire(root.childText("Status")),
                days(root, "MinimumRetention"), days(root, "DefaultRetention"), days(root, "MaximumRetention"),
                Boolean.parseBoolean(root.childText("EnablePermanentRetention")));
    }

    private static Integer days(XmlNode root, String container) {
        XmlNode c = root.child(container);
        String d = c == null ? null : c.childText("Days");
        return d == null || d.isEmpty() ? null : Integer.valueOf(d);
    }
}
