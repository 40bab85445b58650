package io.ibmcos.emulator.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fault to inject, matched by operation (S3 action name; null = any) and optionally by object key.
 * The first {@code skip} matching requests pass untouched; the next {@code count} (default 1, -1 = unlimited) get
 * the fault: an error response ({@code status} with {@code code}/{@code message}), a connection reset after
 * {@code resetAfterBytes} request-body bytes, and/or {@code latencyMillis} of delay before the response.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(String operation, String key, Integer count, Integer skip, Integer status, String code,
        String message, Long resetAfterBytes, Long latencyMillis) {

    public FaultRule {
        if (count == null) {
            count = 1;
        }
        if (skip == null) {
            skip = 0;
        }
        if (count == 0 || count < -1) {
            throw new IllegalArgumentException("count must be positive or -1 (unlimited)");
        }
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative");
        }
        if (status == null && resetAfterBytes == null && latencyMillis == null) {
            throw new IllegalArgumentException("a fault needs status, resetAfterBytes or latencyMillis");
        }
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP error status (400-599)");
        }
        if (status != null && code == null) {
            code = switch (status) {
                case 500 -> "InternalError";
                case 503 -> "SlowDown";
                case 429 -> "SlowDown";
                case 403 -> "AccessDenied";
                case 404 -> "NoSuchKey";
                default -> "InjectedFault";
            };
        }
        if (status != null && message == null) {
            message = "Injected fault";
        }
        if (resetAfterBytes != null && resetAfterBytes < 0 || latencyMillis != null && latencyMillis < 0) {
            throw new IllegalArgumentException("resetAfterBytes and latencyMillis must not be negative");
        }
    }

    /** Fail matching requests with {@code status} and the S3 error {@code code}. */
    public static FaultRule fail(String operation, int status, String code) {
        return new FaultRule(operation, null, null, null, status, code, null, null, null);
    }

    /** Reset the connection after {@code bytes} bytes of the request body. */
    public static FaultRule resetAfter(String operation, long bytes) {
        return new FaultRule(operation, null, null, null, null, null, null, bytes, null);
    }

    public static FaultRule latency(String operation, long millis) {
        return new FaultRule(operation, null, null, null, null, null, null, null, millis);
    }

    public FaultRule forKey(String objectKey) {
        return new FaultRule(operation, objectKey, count, skip, status, code, message, resetAfterBytes, latencyMillis);
    }

    public FaultRule times(int n) {
        return new FaultRule(operation, key, n, skip, status, code, message, resetAfterBytes, latencyMillis);
    }

    public FaultRule skipping(int n) {
        return new FaultRule(operation, key, count, n, status, code, message, resetAfterBytes, latencyMillis);
    }

    boolean matches(String op, String objectKey) {
        return (operation == null || operation.equals(op)) && (key == null || key.equals(objectKey));
    }
}
