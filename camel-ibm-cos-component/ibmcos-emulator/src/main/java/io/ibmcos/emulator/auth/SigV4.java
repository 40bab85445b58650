package io.ibmcos.emulator.auth;

import io.ibmcos.emulator.protocol.Codec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pieces of AWS Signature Version 4 the server needs to recompute a client's signature. Written for the
 * emulator alone (the client core has its own signer on purpose: two implementations check each other).
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private SigV4() {
    }

    public static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    /**
     * Canonical query string from a raw query: every parameter decoded then re-encoded the SigV4 way, sorted by
     * name then value; {@code skip} names one parameter to leave out (X-Amz-Signature for presigned URLs).
     */
    public static String canonicalQuery(String rawQuery, String skip) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = Codec.percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : Codec.percentDecode(pair.substring(eq + 1), true);
            if (name.equals(skip)) {
                continue;
            }
            params.add(new String[] {Codec.uriEncode(name, false), Codec.uriEncode(value, false)});
        }
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : params) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /**
     * Canonical headers block ("name:value\n" per signed header): values of repeated headers joined with commas,
     * trimmed, inner whitespace runs collapsed to one space.
     */
    public static String canonicalHeaders(List<String> signedHeaders, Function<String, List<String>> values) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> vs = values.apply(name);
            sb.append(name.toLowerCase(Locale.ROOT)).append(':');
            for (int i = 0; i < vs.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(vs.get(i).trim().replaceAll("\\s+", " "));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
            String canonicalHeaders, String signedHeaders, String payloadHash) {
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n'
                + signedHeaders + '\n' + payloadHash;
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + Codec.sha256Hex(canonicalRequest);
    }

    public static String signature(byte[] signingKey, String stringToSign) {
        return Codec.hex(hmac(signingKey, stringToSign));
    }

    /** The string to sign for one aws-chunked chunk, chained to the previous chunk's signature. */
    public static String chunkStringToSign(String amzDate, String scope, String previousSignature, String chunkSha256) {
        return ALGORITHM + "-PAYLOAD\n" + amzDate + '\n' + scope + '\n' + previousSignature + '\n' + EMPTY_SHA256 + '\n'
                + chunkSha256;
    }

    /** The string to sign for the trailing headers of a signed aws-chunked body with trailers. */
    public static String trailerStringToSign(String amzDate, String scope, String previousSignature, String trailerSha256) {
        return ALGORITHM + "-TRAILER\n" + amzDate + '\n' + scope + '\n' + previousSignature + '\n' + trailerSha256;
    }
}
