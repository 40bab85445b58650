package io.ibmcos.emulator.aspera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibmcos.emulator.auth.IamTokens;
import io.ibmcos.emulator.ops.Call;
import io.ibmcos.emulator.protocol.Response;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ATS stand-in: {@code POST /_aspera/files/upload_setup} and {@code download_setup}. Checks Basic auth against
 * the bucket's access key, requires {@code X-Aspera-Storage-Credentials} with a valid IAM delegated token, accepts a
 * JSON body whatever the Content-Type (IBM's Java SDK labels it form-urlencoded), and answers
 * {@code {"transfer_specs":[{"transfer_spec":{…}}]}} shaped like a node/ATS spec, with a transfer token bound to
 * bucket, direction and paths. Errors use ATS shapes: HTTP 4xx with {@code {"error":{…}}}, or an {@code error} object
 * inside the spec for a path problem.
 */
final class AtsSetup {

    private final ObjectMapper json = new ObjectMapper();
    private final Storage storage;
    private final IamTokens iamTokens;
    private final TransferTokens transferTokens;
    private final Function<String, AsperaStandIn.AccessKey> accessKeys;

    AtsSetup(Storage storage, IamTokens iamTokens, TransferTokens transferTokens,
            Function<String, AsperaStandIn.AccessKey> accessKeys) {
        this.storage = storage;
        this.iamTokens = iamTokens;
        this.transferTokens = transferTokens;
        this.accessKeys = accessKeys;
    }

    Response setup(Call call, boolean upload) {
        AsperaStandIn.AccessKey key = basicAuth(call.header("Authorization"));
        if (key == null) {
            return error(401, "Unauthorized", "Invalid or missing access key (Basic authentication)");
        }
        String credentials = call.header("X-Aspera-Storage-Credentials");
        if (credentials == null || credentials.isBlank()) {
            return error(400, "Bad Request", "Missing X-Aspera-Storage-Credentials");
        }
        String delegated;
        try {
            JsonNode c = json.readTree(credentials);
            delegated = "token".equals(c.path("type").asText())
                    ? c.path("token").path("delegated_refresh_token").asText(null) : null;
        } catch (IOException e) {
            delegated = null;
        }
        if (delegated == null) {
            return error(400, "Bad Request", "X-Aspera-Storage-Credentials must be {\"type\":\"token\",\"token\":"
                    + "{\"delegated_refresh_token\":…}}");
        }
        IamTokens.Check check = iamTokens.check(delegated, "delegated");
        if (check != IamTokens.Check.VALID) {
            return error(401, "Unauthorized", "The storage credentials (IAM delegated refresh token) are "
                    + (check == IamTokens.Check.EXPIRED ? "expired" : "not valid"));
        }
        JsonNode request;
        try {
            request = json.readTree(new String(call.body().bytes(), StandardCharsets.UTF_8))
                    .path("transfer_requests").path(0).path("transfer_request");
        } catch (IOException e) {
            return error(400, "Bad Request", "The body is not JSON");
        }
        if (!(request.get("paths") instanceof ArrayNode paths) || paths.isEmpty()) {
            return error(400, "Bad Request", "transfer_requests[0].transfer_request.paths is required");
        }
        Optional<BucketRecord> bucket = storage.bucket(key.bucket());
        if (bucket.isEmpty()) {
            return error(404, "Not Found", "The bucket of this access key no longer exists");
        }
        if (bucket.get().protection() != null) {
            return error(403, "Forbidden", "Aspera is not supported for buckets with a protection configuration");
        }
        List<String> roots = new ArrayList<>();
        for (JsonNode p : paths) {
            String remote = upload ? p.path("destination").asText("") : p.path("source").asText("");
            roots.add(remote.startsWith("/") ? remote.substring(1) : remote);
        }
        ObjectNode spec = spec(call, upload, request);
        if (!upload) {
            for (String root : roots) {
                if (!exists(key.bucket(), root)) {
                    ObjectNode err = spec.putObject("error");
                    err.put("code", 404).put("reason", "Not Found").put("user_message", "No object or prefix " + root);
                    return wrap(spec);
                }
            }
        }
        spec.put("token", transferTokens.issue(new TransferTokens.Grant(key.bucket(), upload, roots,
                call.now().plus(TransferTokens.VALIDITY))));
        return wrap(spec);
    }

    /**
     * The spec, shaped like the node example in the reference. {@code remote_host} and {@code ssh_port} name this
     * emulator, so the ascp stand-in reaches the data path there (real ATS: SSH on 33001).
     */
    private ObjectNode spec(Call call, boolean upload, JsonNode request) {
        String host = call.header("Host").strip();
        int colon = host.lastIndexOf(':');
        ObjectNode spec = json.createObjectNode();
        spec.set("paths", request.get("paths").deepCopy());
        spec.put("source_root", "");
        spec.put("destination_root", request.path("destination_root").asText(""));
        spec.put("direction", upload ? "send" : "receive");
        spec.put("remote_host", colon < 0 ? host : host.substring(0, colon));
        spec.put("remote_user", "xfer");
        spec.put("ssh_port", colon < 0 ? 80 : Integer.parseInt(host.substring(colon + 1)));
        spec.put("fasp_port", 33001);
        spec.put("cipher", "aes-128");
        spec.put("rate_policy", "fair");
        spec.put("rate_policy_allowed", "fair");
        spec.put("target_rate_kbps", 100000);
        spec.put("target_rate_cap_kbps", 1000000);
        spec.put("min_rate_kbps", 0);
        spec.put("min_rate_cap_kbps", 0);
        spec.put("lock_rate_policy", false);
        spec.put("lock_target_rate", false);
        spec.put("lock_min_rate", false);
        spec.put("sshfp", "0c6e6a5f4e3d2c1b0a99887766554433221100ff");
        spec.put("http_fallback", true);
        spec.put("http_fallback_port", 8443);
        if (request.has("tags")) {
            spec.set("tags", request.get("tags").deepCopy());
        }
        return spec;
    }

    private boolean exists(String bucket, String root) {
        if (storage.object(bucket, root).isPresent()) {
            return true;
        }
        String prefix = root.isEmpty() || root.endsWith("/") ? root : root + "/";
        var it = storage.objects(bucket, prefix, true);
        return it.hasNext() && it.next().key().startsWith(prefix);
    }

    private AsperaStandIn.AccessKey basicAuth(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        AsperaStandIn.AccessKey key = accessKeys.apply(decoded.substring(0, colon));
        return key != null && java.security.MessageDigest.isEqual(key.secret().getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) ? key : null;
    }

    private Response wrap(ObjectNode spec) {
        ObjectNode out = json.createObjectNode();
        out.putArray("transfer_specs").addObject().set("transfer_spec", spec);
        return Response.json(200, out.toString());
    }

    private Response error(int status, String reason, String message) {
        ObjectNode out = json.createObjectNode();
        out.putObject("error").put("code", status).put("reason", reason).put("user_message", message);
        return Response.json(status, out.toString());
    }
}
