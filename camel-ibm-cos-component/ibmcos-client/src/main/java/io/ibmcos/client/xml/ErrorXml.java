package io.ibmcos.client.xml;

/**
 * IBM's error body: {@code <Error><Code/><Message/><Resource/><RequestId/><httpStatusCode/></Error>}
 * ({@code httpStatusCode} is IBM-specific; AWS sends {@code HostId}).
 */
public record ErrorXml(String code, String message, String resource, String requestId, Integer httpStatusCode) {

    /** Parses an error body, or returns null when the body is not one (empty, HTML from a proxy, ...). */
    public static ErrorXml parseOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            XmlNode root = XmlNode.parse(body, "Error");
            if (!"Error".equals(root.name())) {
                return null;
            }
            String status = root.childText("httpStatusCode");
            Integer parsed = null;
            if (status != null && !status.isEmpty()) {
                try {
                    parsed = Integer.valueOf(status);
                } catch (NumberFormatException ignored) {
                    // a malformed optional field does not hide the error code
                }
            }
            return new ErrorXml(root.childText("Code"), root.childText("Message"), root.childText("Resource"),
                    root.childText("RequestId"), parsed);
        } catch (RuntimeException notXml) {
            return null;
        }
    }
}
