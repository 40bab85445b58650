package io.ibmcos.emulator.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A COS/S3 error as the service reports it: HTTP status, error code and message. Thrown anywhere in the
 * protocol code and turned into the IBM error XML (or a bodiless response for HEAD) in one place.
 */
public final class CosException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public CosException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** A response header that belongs to this error (e.g. Content-Range on 416). */
    public CosException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static CosException badRequest(String code, String message) {
        return new CosException(400, code, message);
    }

    public static CosException invalidArgument(String message) {
        return new CosException(400, "InvalidArgument", message);
    }

    public static CosException accessDenied(String message) {
        return new CosException(403, "AccessDenied", message);
    }

    public static CosException noSuchBucket() {
        return new CosException(404, "NoSuchBucket", "The specified bucket does not exist.");
    }

    public static CosException noSuchKey() {
        return new CosException(404, "NoSuchKey", "The specified key does not exist.");
    }

    public static CosException noSuchUpload() {
        return new CosException(404, "NoSuchUpload",
                "The specified multipart upload does not exist. The upload ID might be invalid, or the upload might have been aborted or completed.");
    }

    public static CosException malformedXml(String detail) {
        return new CosException(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema: " + detail);
    }

    public static CosException notImplemented(String what) {
        return new CosException(501, "NotImplemented", "A header or query you provided implies functionality that is not implemented: " + what);
    }
}
