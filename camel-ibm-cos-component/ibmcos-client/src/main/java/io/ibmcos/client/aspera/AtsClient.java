package io.ibmcos.client.aspera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The Aspera Transfer Service setup call: {@code POST {ATSEndpoint}/files/upload_setup} or {@code download_setup}
 * with Basic auth from the bucket's ATS access key, the delegated token in {@code X-Aspera-Storage-Credentials}
 * and in the request's {@code tags}, and the JSON body IBM's Java SDK sends. Returns the first transfer spec.
 */
public final class AtsClient {

    /** ATS refused the call; {@link #authenticationFailed()} when the access key or the token was refused. */
    public static final class AtsException extends AsperaException {
        private static final long serialVersionUID = 1L;
        private final int status;

        AtsException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }

        public boolean authenticationFailed() {
            return status == 401 || status == 403;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;

    public AtsClient(Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = requestTimeout;
    }

    /**
     * @param upload          true for {@code upload_setup} (direction send), false for {@code download_setup}
     * @param paths           upload: local path → key; download: key → local path
     * @param destinationRoot sent as {@code destination_root} ("" as IBM's SDK sends when none)
     */
    public TransferSpec setup(FaspConnectionInfo info, boolean upload, List<TransferSpec.PathPair> paths,
            String destinationRoot, String delegatedToken) {
        ObjectNode request = json.createObjectNode();
        new TransferSpec(request).paths(paths);
        request.put("destination_root", destinationRoot == null ? "" : destinationRoot);
        request.put("remote_host", info.atsEndpoint().getHost());
        request.set("tags", storageCredentialsTags(delegatedToken));
        ObjectNode body = json.createObjectNode();
        body.putArray("transfer_requests").addObject().set("transfer_request", request);

        String operation = upload ? "upload_setup" : "download_setup";
        URI uri = URI.create(stripSlash(info.atsEndpoint().toString()) + "/files/" + operation);
        String basic = Base64.getEncoder().encodeToString((info.accessKeyId() + ":" + info.accessKeySecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest httpRequest = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-Aspera-Storage-Credentials", storageCredentials(delegatedToken).toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AsperaException("ATS " + operation + " at " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsperaException("Interrupted during ATS " + operation, e);
        }
        return parse(operation, response.statusCode(), response.body());
    }

    TransferSpec parse(String operation, int status, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            root = json.createObjectNode();
        }
        if (status != 200) {
            throw new AtsException("ATS " + operation + " answered HTTP " + status + describe(root.get("error")),
                    status);
        }
        JsonNode specs = root.get("transfer_specs");
        if (!(specs instanceof ArrayNode array) || array.isEmpty()) {
            throw new AsperaException("ATS " + operation + " returned no transfer_specs");
        }
        JsonNode entry = array.get(0);
        JsonNode spec = entry.get("transfer_spec");
        JsonNode error = entry.has("error") ? entry.get("error") : spec == null ? null : spec.get("error");
        if (error != null && !error.isNull()) {
            throw new AtsException("ATS " + operation + " refused the transfer" + describe(error), status);
        }
        if (!(spec instanceof ObjectNode object)) {
            throw new AsperaException("ATS " + operation + " returned an entry without transfer_spec");
        }
        return new TransferSpec(object);
    }

    /** {@code {"aspera":{"node":{"storage_credentials":{...}}}}}, as IBM's SDKs tag the request. */
    private ObjectNode storageCredentialsTags(String token) {
        ObjectNode tags = json.createObjectNode();
        tags.putObject("aspera").putObject("node").set("storage_credentials", storageCredentials(token));
        return tags;
    }

    private ObjectNode storageCredentials(String token) {
        ObjectNode credentials = json.createObjectNode();
        credentials.put("type", "token");
        credentials.putObject("token").put("delegated_refresh_token", token);
        return credentials;
    }

    private static String describe(JsonNode error) {
        if (error == null || error.isNull()) {
            return "";
        }
        StringBuilder out = new StringBuilder(":");
        for (String field : List.of("code", "reason", "user_message", "internal_message")) {
            JsonNode value = error.get(field);
            if (value != null && !value.isNull()) {
                out.append(' ').append(field).append('=').append(value.asText());
            }
        }
        return out.toString();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
