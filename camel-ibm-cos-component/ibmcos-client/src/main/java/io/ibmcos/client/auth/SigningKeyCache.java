package io.ibmcos.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives and caches SigV4 signing keys. Deriving a key costs four HMACs, and a key is valid for a whole
 * UTC day, so a busy signer would otherwise redo the same work for every request.
 *
 * <p>The cache is tiny (a signer normally needs today's key, plus yesterday's around midnight) and
 * evicts the least recently used entry. All access is synchronised: the critical section is a map lookup.
 */
final class SigningKeyCache {

    static final int MAX_ENTRIES = 4;

    private final String secretKey;
    private final String service;
    private final Map<String, byte[]> keys = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private long derivations;

    SigningKeyCache(String secretKey, String service) {
        this.secretKey = secretKey;
        this.service = service;
    }

    /** The signing key for a date ({@code yyyyMMdd}) and region; callers must not modify the array. */
    byte[] get(String date, String region) {
        String cacheKey = date + '/' + region;
        synchronized (keys) {
            byte[] key = keys.get(cacheKey);
            if (key == null) {
                key = derive(date, region);
                keys.put(cacheKey, key);
                derivations++;
            }
            return key;
        }
    }

    /** How many keys were derived so far (for tests of the cache). */
    long derivations() {
        synchronized (keys) {
            return derivations;
        }
    }

    int size() {
        synchronized (keys) {
            return keys.size();
        }
    }

    private byte[] derive(String date, String region) {
        byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256; reaching this means a broken JRE.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
