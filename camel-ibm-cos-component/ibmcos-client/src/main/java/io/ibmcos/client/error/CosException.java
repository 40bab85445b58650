package io.ibmcos.client.error;

/**
 * Base of every exception the client throws. Unchecked, so Camel routes and lambdas need no wrapping.
 * Messages never contain credentials, bearer tokens or signatures.
 */
public class CosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CosException(String message) {
        super(message);
    }

    public CosException(String message, Throwable cause) {
        super(message, cause);
    }
}
