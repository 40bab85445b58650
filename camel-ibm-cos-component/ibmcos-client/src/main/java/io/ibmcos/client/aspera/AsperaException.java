package io.ibmcos.client.aspera;

import io.ibmcos.client.error.CosException;

/**
 * An Aspera transfer could not be set up or did not complete. {@link #code()} is the ascp error code
 * (see {@link AscpErrors}) when ascp reported one, else 0. Messages never contain tokens or secrets.
 */
public class AsperaException extends CosException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public AsperaException(String message) {
        this(message, 0, null);
    }

    public AsperaException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public AsperaException(String message, int code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The ascp error code, 0 when none applies. */
    public int code() {
        return code;
    }
}
