package io.ibmcos.client.xml;

/** ETags travel quoted on the wire; the model keeps them without quotes, and requests quote them again. */
public final class Etags {

    private Etags() {
    }

    public static String strip(String eTag) {
        if (eTag == null) {
            return null;
        }
        String e = eTag.trim();
        if (e.startsWith("&quot;")) {
            e = e.replace("&quot;", "");
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            return e.substring(1, e.length() - 1);
        }
        return e;
    }

    public static String quote(String eTag) {
        return eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    }
}
