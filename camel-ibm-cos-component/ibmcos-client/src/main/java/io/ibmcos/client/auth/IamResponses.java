package io.ibmcos.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ibmcos.client.JsonFields;
import io.ibmcos.client.error.IamAuthenticationException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Reads IAM's JSON answers. Error messages built here never include the body, which may hold a token. */
final class IamResponses {

    /** Proactive refresh point, as a fraction of the token lifetime. */
    static final double REFRESH_FRACTION = 0.8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private IamResponses() {
    }

    /**
     * Parses a successful token response. The lifetime comes from {@code expiration} (absolute epoch seconds)
     * when present; when that is missing, or already in the past by our clock (clock skew), from
     * {@code expires_in}. Both may arrive as JSON numbers or strings.
     */
    static IamToken token(IamHttpResponse response, String tokenField, Instant now) {
        JsonNode json = parse(response);
        String accessToken = JsonFields.text(json, tokenField);
        if (accessToken == null || accessToken.isBlank()) {
            throw new IamAuthenticationException(response.status(), null, "IAM response has no " + tokenField);
        }
        Long expiration = number(json, "expiration");
        Long expiresIn = number(json, "expires_in");
        Instant expiresAt;
        if (expiration != null && Instant.ofEpochSecond(expiration).isAfter(now)) {
            expiresAt = Instant.ofEpochSecond(expiration);
        } else if (expiresIn != null && expiresIn > 0) {
            expiresAt = now.plusSeconds(expiresIn);
        } else {
            throw new IamAuthenticationException(response.status(), null,
                    "IAM response has no usable expiration or expires_in");
        }
        Duration lifetime = Duration.between(now, expiresAt);
        Instant refreshAt = now.plusMillis((long) (lifetime.toMillis() * REFRESH_FRACTION));
        return new IamToken(accessToken, expiresAt, refreshAt);
    }

    /** Delegated refresh tokens carry no usable expiry; callers decide how long to keep them. */
    static String field(IamHttpResponse response, String name) {
        String value = JsonFields.text(parse(response), name);
        if (value == null || value.isBlank()) {
            throw new IamAuthenticationException(response.status(), null, "IAM response has no " + name);
        }
        return value;
    }

    /** An exception for an IAM error answer, with IAM's {@code errorCode} and {@code errorMessage} when present. */
    static IamAuthenticationException error(IamHttpResponse response) {
        String code = null;
        String message = null;
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json != null && json.isObject()) {
                code = JsonFields.text(json, "errorCode");
                message = JsonFields.text(json, "errorMessage");
            }
        } catch (IOException ignored) {
            // Not JSON (a proxy's HTML page, say): the status alone has to do.
        }
        return new IamAuthenticationException(response.status(), code, message);
    }

    private static JsonNode parse(IamHttpResponse response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (IOException e) {
            // fall through: the parser's message may quote the body, so it is not passed on
        }
        throw new IamAuthenticationException(response.status(), null, "IAM response is not a JSON object");
    }

    /** A malformed number counts as absent: the caller then uses the other expiry field, or fails naming both. */
    private static Long number(JsonNode json, String name) {
        try {
            return JsonFields.number(json, name);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
