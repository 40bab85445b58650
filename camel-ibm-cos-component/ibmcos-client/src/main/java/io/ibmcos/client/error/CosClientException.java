package io.ibmcos.client.error;

/** The request did not get a COS answer: I/O failure, timeout, interruption, or an unreadable response. */
public class CosClientException extends CosException {

    private static final long serialVersionUID = 1L;

    public CosClientException(String message) {
        super(message);
    }

    public CosClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
