package io.ibmcos.client.error;

import io.ibmcos.client.xml.ErrorXml;

/**
 * The one place that turns an HTTP error answer into a {@link CosServiceException}. HEAD answers carry no body,
 * so their code is made up from the status and from whether the request addressed a bucket or an object, the way
 * S3 SDKs do ({@code NoSuchKey}, {@code NoSuchBucket}, ...).
 */
public final class ErrorMapper {

    private ErrorMapper() {
    }

    /**
     * @param status    HTTP status
     * @param body      the error body (may be empty)
     * @param requestId {@code x-amz-request-id} header, may be null
     * @param resource  what was addressed, e.g. {@code /bucket/key}
     * @param objectLevel true when the request addressed an object (decides NoSuchKey vs NoSuchBucket)
     */
    public static CosServiceException map(int status, byte[] body, String requestId, String resource,
            boolean objectLevel) {
        ErrorXml xml = ErrorXml.parseOrNull(body);
        if (xml != null && xml.code() != null && !xml.code().isEmpty()) {
            return new CosServiceException(status, xml.code(), xml.message(),
                    xml.requestId() != null ? xml.requestId() : requestId,
                    xml.resource() != null ? xml.resource() : resource);
        }
        return new CosServiceException(status, syntheticCode(status, objectLevel), syntheticMessage(status), requestId,
                resource);
    }

    static String syntheticCode(int status, boolean objectLevel) {
        return switch (status) {
            case 304 -> "NotModified";
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "AccessDenied";
            case 404 -> objectLevel ? "NoSuchKey" : "NoSuchBucket";
            case 405 -> "MethodNotAllowed";
            case 409 -> "Conflict";
            case 411 -> "MissingContentLength";
            case 412 -> "PreconditionFailed";
            case 416 -> "InvalidRange";
            case 429 -> "SlowDown";
            case 501 -> "NotImplemented";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalError" : "HttpError" + status;
        };
    }

    private static String syntheticMessage(int status) {
        return switch (status) {
            case 304 -> "Not modified (the object matches If-None-Match / If-Modified-Since)";
            case 404 -> "Not found";
            case 412 -> "A precondition (If-Match / If-Unmodified-Since) failed";
            default -> "HTTP " + status + " without an error body";
        };
    }

    /** True for answers worth retrying with backoff: throttling and server-side failures. */
    public static boolean isRetryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Throttling answers get a longer base delay. */
    public static boolean isThrottling(int status, String code) {
        return status == 429 || (status == 503 && ("SlowDown".equals(code) || "ServiceUnavailable".equals(code)));
    }
}
