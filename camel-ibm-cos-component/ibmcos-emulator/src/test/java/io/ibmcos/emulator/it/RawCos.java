package io.ibmcos.emulator.it;

import io.ibmcos.emulator.CosEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Plain HTTP requests to an emulator authenticated with a bearer token from its IAM endpoint, for IBM-specific
 * calls that AWS SDK v2 cannot make (protection configuration, legal holds).
 */
final class RawCos {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final CosEmulator cos;
    private final String bearer;

    RawCos(CosEmulator cos) throws Exception {
        this.cos = cos;
        String body = HTTP.send(HttpRequest.newBuilder(cos.iamEndpoint()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey=" + cos.apiKey()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        this.bearer = "Bearer " + body.substring(start, body.indexOf('"', start));
    }

    HttpResponse<String> putProtection(String bucket, int min, int def, int max) throws Exception {
        String xml = "<ProtectionConfiguration><Status>Retention</Status><MinimumRetention><Days>" + min + "</Days></MinimumRetention>"
                + "<DefaultRetention><Days>" + def + "</Days></DefaultRetention><MaximumRetention><Days>" + max
                + "</Days></MaximumRetention></ProtectionConfiguration>";
        return send(HttpRequest.newBuilder(uri("/" + bucket + "?protection")).header("Content-MD5", md5(xml))
                .PUT(HttpRequest.BodyPublishers.ofString(xml)));
    }

    /** Any request; {@code headers} are name/value pairs. */
    HttpResponse<String> request(String method, String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(cos.endpoint() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String md5(String text) {
        return Base64.getEncoder().encodeToString(digest(text));
    }

    static String md5Hex(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
