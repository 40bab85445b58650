package io.ibmcos.client.error;

/**
 * IAM refused or failed to issue a token. Carries IAM's status and error code (e.g. {@code BXNIM0415E}),
 * never the API key.
 */
public class IamAuthenticationException extends CosException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;

    public IamAuthenticationException(int statusCode, String errorCode, String message) {
        super("IAM token request failed with HTTP " + statusCode
                + (errorCode == null ? "" : " " + errorCode)
                + (message == null ? "" : ": " + message));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    public IamAuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = -1;
        this.errorCode = null;
    }

    /** HTTP status IAM answered with, or -1 when IAM could not be reached. */
    public int statusCode() {
        return statusCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
