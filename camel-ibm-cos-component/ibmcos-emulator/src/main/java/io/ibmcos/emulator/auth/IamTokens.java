package io.ibmcos.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibmcos.emulator.protocol.Codec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Issues and checks the bearer tokens of the emulator's IAM stand-in. Tokens are JWT-shaped (HS256 over a key
 * that is random per emulator start) so that clients which peek into the JWT for {@code exp} work, and so that
 * checking needs no token table. A restart therefore invalidates earlier tokens, as a real token would
 * eventually be.
 */
public final class IamTokens {
    /** Lifetime IBM's SDKs assume for delegated refresh tokens (6 days). */
    public static final Duration DELEGATED_TTL = Duration.ofDays(6);

    public enum Check { VALID, EXPIRED, INVALID }

    /** A token and its expiry in epoch seconds. */
    public record Issued(String token, long expiration) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper json = new ObjectMapper();
    private final byte[] key = new byte[32];
    private final Clock clock;
    private final Duration ttl;
    private final String subject;

    public IamTokens(Clock clock, Duration ttl, String subject) {
        this.clock = clock;
        this.ttl = ttl;
        this.subject = subject;
        new SecureRandom().nextBytes(key);
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new token of the given kind ("access" or "delegated") valid for {@code lifetime}. */
    public Issued issue(String kind, Duration lifetime) {
        long iat = clock.instant().getEpochSecond();
        long exp = iat + lifetime.toSeconds();
        ObjectNode claims = json.createObjectNode();
        claims.put("iam_id", "iam-" + subject);
        claims.put("sub", subject);
        claims.put("kind", kind);
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("jti", Codec.hex(random(12)));
        claims.put("scope", "ibm openid");
        String body = HEADER + '.' + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return new Issued(body + '.' + B64.encodeToString(SigV4.hmac(key, body)), exp);
    }

    public Check check(String token) {
        return check(token, "access");
    }

    /** Checks a token of the given kind ("access" for COS bearer tokens, "delegated" for Aspera storage credentials). */
    public Check check(String token, String kind) {
        int last = token.lastIndexOf('.');
        if (last < 0 || token.indexOf('.') == last) {
            return Check.INVALID;
        }
        String body = token.substring(0, last);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (!MessageDigest.isEqual(SigV4.hmac(key, body), given)) {
            return Check.INVALID;
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(body.substring(body.indexOf('.') + 1)));
            if (!kind.equals(claims.path("kind").asText())) {
                return Check.INVALID;
            }
            return claims.path("exp").asLong() > clock.instant().getEpochSecond() ? Check.VALID : Check.EXPIRED;
        } catch (Exception e) {
            return Check.INVALID;
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
