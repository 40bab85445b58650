package io.ibmcos.client.auth;

import io.ibmcos.client.http.UriEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * AWS Signature Version 4 for COS HMAC credentials. Pure: no I/O and no clock of its own, so every stage
 * can be checked against AWS's published examples.
 *
 * <p>Stages: {@link #canonicalRequest} → {@link #stringToSign} → {@link #signingKey} (cached per day and
 * region) → {@link #signature}. {@link #sign} runs them all for a header-signed request;
 * {@link #presign} produces a query-string-signed URL.
 *
 * <p>S3 rules apply: the path is used exactly as given (the URL builder already encoded it once with
 * {@link UriEncoding}; S3 wants neither normalisation nor double encoding), and every header passed in is
 * signed except {@link #UNSIGNED_HEADERS}. {@code content-length} is among those because
 * {@code java.net.http} computes and sets it itself, so the value we would sign is not under our control.
 * Thread-safe.
 */
public final class SigV4Signer {

    /** The algorithm name used in the Authorization header and string to sign. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** Payload hash value for bodies that are streamed without hashing. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** Hex SHA-256 of the empty body. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /** Region used when none is configured; COS accepts any region string. */
    public static final String DEFAULT_REGION = "us-standard";
    /** Longest expiry SigV4 allows for presigned URLs. */
    public static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);
    /** Headers never signed: hop-by-hop, set by the HTTP stack, or changed by proxies. */
    public static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "connection", "expect",
            "user-agent", "content-length", "transfer-encoding", "x-amzn-trace-id");

    private static final String S3 = "s3";
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String region;
    private final String service;
    private final SigningKeyCache keys;

    /** A signer for COS (service {@code s3}); a null or blank region means {@link #DEFAULT_REGION}. */
    public SigV4Signer(HmacCredentials credentials, String region) {
        this(credentials, region, S3);
    }

    private SigV4Signer(HmacCredentials credentials, String region, String service) {
        Objects.requireNonNull(credentials, "credentials");
        this.accessKey = credentials.accessKey();
        this.region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        this.service = Objects.requireNonNull(service, "service");
        this.keys = new SigningKeyCache(credentials.secretKey(), service);
    }

    /**
     * A signer for another AWS service name, for the generic SigV4 test suite. Outside S3 the
     * {@code x-amz-content-sha256} header is not part of the protocol, so {@link #sign} does not add it.
     */
    static SigV4Signer forService(HmacCredentials credentials, String region, String service) {
        return new SigV4Signer(credentials, region, service);
    }

    /**
     * What gets signed.
     *
     * @param method      HTTP method
     * @param encodedPath the path exactly as sent on the wire (already percent-encoded once); empty means "/"
     * @param query       raw (decoded) names and values, in any order; a bare flag like {@code ?uploads}
     *                    has the value {@code ""}
     * @param headers     request headers, names in any case; must contain {@code host}
     */
    public record SigningInput(String method, String encodedPath, List<Map.Entry<String, String>> query,
                               Map<String, String> headers) {
        public SigningInput {
            Objects.requireNonNull(method, "method");
            encodedPath = encodedPath == null || encodedPath.isEmpty() ? "/" : encodedPath;
            List<Map.Entry<String, String>> q = new ArrayList<>();
            if (query != null) {
                for (Map.Entry<String, String> e : query) {
                    q.add(new SimpleImmutableEntry<>(Objects.requireNonNull(e.getKey(), "query name"),
                            e.getValue() == null ? "" : e.getValue()));
                }
            }
            query = Collections.unmodifiableList(q);
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        }
    }

    /**
     * Signs a request with the Authorization header.
     *
     * @param payloadHash hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD}
     * @return the headers to add: {@code x-amz-date}, {@code x-amz-content-sha256} (S3 only) and
     *         {@code Authorization}
     */
    public Map<String, String> sign(SigningInput input, String payloadHash, Instant now) {
        Objects.requireNonNull(payloadHash, "payloadHash");
        String amzDate = AMZ_DATE.format(now);
        Map<String, String> headers = new LinkedHashMap<>();
        input.headers().forEach((name, value) -> {
            // Ours win: a stale date or hash from the caller would produce a signature COS rejects.
            if (!name.equalsIgnoreCase("x-amz-date") && !name.equalsIgnoreCase("x-amz-content-sha256")) {
                headers.put(name, value);
            }
        });
        Map<String, String> added = new LinkedHashMap<>();
        added.put("x-amz-date", amzDate);
        if (S3.equals(service)) {
            added.put("x-amz-content-sha256", payloadHash);
        }
        headers.putAll(added);
        SigningInput full = new SigningInput(input.method(), input.encodedPath(), input.query(), headers);
        String signature = signature(amzDate.substring(0, 8), stringToSign(amzDate, canonicalRequest(full, payloadHash)));
        added.put("Authorization", ALGORITHM + " Credential=" + accessKey + '/' + scope(amzDate.substring(0, 8))
                + ", SignedHeaders=" + String.join(";", canonicalHeaders(headers).keySet())
                + ", Signature=" + signature);
        return added;
    }

    /** Stage 1: the canonical request for exactly the headers given (minus {@link #UNSIGNED_HEADERS}). */
    public String canonicalRequest(SigningInput input, String payloadHash) {
        TreeMap<String, String> headers = canonicalHeaders(input.headers());
        if (!headers.containsKey("host")) {
            throw new IllegalArgumentException("headers must contain host");
        }
        StringBuilder sb = new StringBuilder(256);
        sb.append(input.method().toUpperCase(Locale.ROOT)).append('\n')
                .append(input.encodedPath()).append('\n')
                .append(canonicalQuery(input.query())).append('\n');
        headers.forEach((name, value) -> sb.append(name).append(':').append(value).append('\n'));
        sb.append('\n').append(String.join(";", headers.keySet())).append('\n').append(payloadHash);
        return sb.toString();
    }

    /** Stage 2: the string to sign, for an {@code x-amz-date} value ({@code yyyyMMdd'T'HHmmss'Z'}). */
    public String stringToSign(String amzDate, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope(amzDate.substring(0, 8)) + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Stage 3: the signing key for a UTC day ({@code yyyyMMdd}); a copy of the cached key. */
    public byte[] signingKey(String yyyymmdd) {
        return keys.get(yyyymmdd, region).clone();
    }

    /** Stage 4: the hex signature of a string to sign, with the key of the given day. */
    public String signature(String yyyymmdd, String stringToSign) {
        return HexFormat.of().formatHex(SigningKeyCache.hmac(keys.get(yyyymmdd, region), stringToSign));
    }

    /**
     * A presigned URL (query-string SigV4, payload {@code UNSIGNED-PAYLOAD}, only {@code host} signed).
     * Query parameters already on the URI are kept and signed.
     *
     * @param expiry between 1 second and 7 days
     */
    public URI presign(String method, URI uri, Duration expiry, Instant now) {
        Objects.requireNonNull(uri, "uri");
        if (expiry == null || expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
            throw new IllegalArgumentException("expiry must be between 1 second and 7 days (604800 s), was "
                    + (expiry == null ? "null" : expiry.toSeconds() + " s"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("uri must be absolute with a host: " + uri);
        }
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        List<Map.Entry<String, String>> query = new ArrayList<>(QueryParser.parse(uri.getRawQuery()));
        query.add(Map.entry("X-Amz-Algorithm", ALGORITHM));
        query.add(Map.entry("X-Amz-Credential", accessKey + '/' + scope(date)));
        query.add(Map.entry("X-Amz-Date", amzDate));
        query.add(Map.entry("X-Amz-Expires", Long.toString(expiry.toSeconds())));
        query.add(Map.entry("X-Amz-SignedHeaders", "host"));
        SigningInput input = new SigningInput(method, uri.getRawPath(), query, Map.of("host", hostHeader(uri)));
        String signature = signature(date, stringToSign(amzDate, canonicalRequest(input, UNSIGNED_PAYLOAD)));
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + input.encodedPath() + '?'
                + canonicalQuery(input.query()) + "&X-Amz-Signature=" + signature);
    }

    /** Lower-case hex SHA-256. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The region this signer puts in the credential scope. */
    public String region() {
        return region;
    }

    /** Number of signing keys derived so far; lets tests prove the cache works. */
    long signingKeyDerivations() {
        return keys.derivations();
    }

    int cachedSigningKeys() {
        return keys.size();
    }

    @Override
    public String toString() {
        return "SigV4Signer[accessKey=" + accessKey + ", region=" + region + ", service=" + service + "]";
    }

    private String scope(String date) {
        return date + '/' + region + '/' + service + "/aws4_request";
    }

    /** Lower-cased names, sorted; values trimmed with inner whitespace runs collapsed; duplicates joined by ','. */
    static TreeMap<String, String> canonicalHeaders(Map<String, String> headers) {
        TreeMap<String, String> out = new TreeMap<>();
        headers.forEach((rawName, rawValue) -> {
            String name = rawName.strip().toLowerCase(Locale.ROOT);
            if (UNSIGNED_HEADERS.contains(name)) {
                return;
            }
            String value = rawValue == null ? "" : WHITESPACE_RUN.matcher(rawValue.strip()).replaceAll(" ");
            out.merge(name, value, (a, b) -> a + ',' + b);
        });
        return out;
    }

    /** Names and values encoded with the shared RFC 3986 encoder, sorted by encoded name, then value. */
    static String canonicalQuery(List<Map.Entry<String, String>> query) {
        List<String[]> encoded = new ArrayList<>(query.size());
        for (Map.Entry<String, String> e : query) {
            encoded.add(new String[] {UriEncoding.encode(e.getKey(), false), UriEncoding.encode(e.getValue(), false)});
        }
        // Encoded strings are pure ASCII, so String order equals the byte order SigV4 asks for.
        encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] pair : encoded) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(pair[0]).append('=').append(pair[1]);
        }
        return sb.toString();
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ':' + port;
    }
}
