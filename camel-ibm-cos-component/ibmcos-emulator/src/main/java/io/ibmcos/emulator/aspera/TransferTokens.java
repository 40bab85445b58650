package io.ibmcos.emulator.aspera;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transfer tokens the ATS stand-in issues, each bound to a bucket, a direction and the paths of its setup call, as
 * Aspera node tokens are bound to user, direction and file list. Opaque to clients ({@code AT…TA}, like node tokens).
 */
final class TransferTokens {

    static final Duration VALIDITY = Duration.ofHours(1);

    /** What a token allows: {@code roots} are keys (or prefixes) in {@code bucket}. */
    record Grant(String bucket, boolean upload, List<String> roots, Instant expiresAt) {

        /** Whether {@code key} is one of the roots or below one of them. */
        boolean covers(String key) {
            for (String root : roots) {
                String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
                if (r.isEmpty() || key.equals(r) || key.startsWith(r + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    String issue(Grant grant) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "AT" + HexFormat.of().formatHex(bytes) + "TA";
        grants.put(token, grant);
        return token;
    }

    /** The grant of a valid token, or null when unknown or expired. */
    Grant check(String token, Instant now) {
        if (token == null) {
            return null;
        }
        Grant g = grants.get(token.strip());
        return g == null || !now.isBefore(g.expiresAt()) ? null : g;
    }
}
