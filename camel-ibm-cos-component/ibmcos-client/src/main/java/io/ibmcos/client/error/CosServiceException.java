package io.ibmcos.client.error;

/**
 * COS answered with an error status. {@link #errorCode()} is the S3/IBM code from the error XML
 * ({@code NoSuchKey}, {@code AccessDenied}, ...), or a synthetic one for bodiless HEAD responses.
 */
public class CosServiceException extends CosException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final String resource;

    public CosServiceException(int statusCode, String errorCode, String errorMessage, String requestId, String resource) {
        super(describe(statusCode, errorCode, errorMessage, requestId, resource));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.resource = resource;
    }

    private static String describe(int status, String code, String message, String requestId, String resource) {
        StringBuilder sb = new StringBuilder("COS error ").append(status).append(' ').append(code);
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(message);
        }
        if (resource != null && !resource.isBlank()) {
            sb.append(" (resource ").append(resource).append(')');
        }
        if (requestId != null && !requestId.isBlank()) {
            sb.append(" [request id ").append(requestId).append(']');
        }
        return sb.toString();
    }

    public int statusCode() {
        return statusCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String requestId() {
        return requestId;
    }

    public String resource() {
        return resource;
    }
}
