package io.ibmcos.emulator.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibmcos.emulator.auth.IamTokens;
import io.ibmcos.emulator.protocol.Codec;
import io.ibmcos.emulator.protocol.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The IAM stand-in: {@code POST /identity/token} with the API-key grant, answering like IAM (JSON token,
 * {@code refresh_token: not_supported}) and failing like IAM (400 + BXNIM error JSON). With
 * {@code response_type=delegated_refresh_token} it also returns a delegated refresh token (Aspera).
 */
public final class IamHandler implements OperationHandler {
    static final String APIKEY_GRANT = "urn:ibm:params:oauth:grant-type:apikey";

    private final ObjectMapper json = new ObjectMapper();
    private final IamTokens tokens;
    private final String apiKey;
    private final io.ibmcos.emulator.admin.Stats stats;

    public IamHandler(IamTokens tokens, String apiKey) {
        this(tokens, apiKey, null);
    }

    /** With {@code stats}, delegated-token grants are also counted as {@code IamDelegatedToken}. */
    public IamHandler(IamTokens tokens, String apiKey, io.ibmcos.emulator.admin.Stats stats) {
        this.tokens = tokens;
        this.apiKey = apiKey;
        this.stats = stats;
    }

    @Override
    public Response handle(Call call) {
        Map<String, String> form = parseForm(new String(call.body().bytes(), StandardCharsets.UTF_8));
        String grant = form.get("grant_type");
        if (grant == null || grant.isEmpty()) {
            return error(400, "BXNIM0106E", "Missing required parameter grant_type");
        }
        if (grant.equals("refresh_token")) {
            // IAM issues "not_supported" as refresh token for API keys; using it fails like this
            return error(400, "BXNIM0407E", "Provided refresh token is invalid");
        }
        if (!grant.equals(APIKEY_GRANT)) {
            return error(400, "BXNIM0109E", "Unsupported grant type " + grant);
        }
        String key = form.get("apikey");
        if (key == null || key.isEmpty()) {
            return error(400, "BXNIM0106E", "Missing required parameter apikey");
        }
        if (!key.equals(apiKey)) {
            return error(400, "BXNIM0415E", "Provided API key could not be found");
        }
        IamTokens.Issued access = tokens.issue("access", tokens.ttl());
        ObjectNode out = json.createObjectNode();
        out.put("access_token", access.token());
        out.put("refresh_token", "not_supported");
        out.put("ims_user_id", 1000001);
        out.put("token_type", "Bearer");
        out.put("expires_in", tokens.ttl().toSeconds());
        out.put("expiration", access.expiration());
        out.put("scope", "ibm openid");
        String responseType = form.getOrDefault("response_type", "");
        if (responseType.contains("delegated_refresh_token")) {
            IamTokens.Issued delegated = tokens.issue("delegated", IamTokens.DELEGATED_TTL);
            if (stats != null) {
                stats.increment("IamDelegatedToken");
            }
            out.put("delegated_refresh_token", delegated.token());
        }
        return Response.json(200, out.toString()).header("Cache-Control", "no-store");
    }

    private Response error(int status, String code, String message) {
        ObjectNode out = json.createObjectNode();
        ObjectNode context = out.putObject("context");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("requestType", "incoming.Identity_Token");
        context.put("startTime", System.currentTimeMillis());
        out.put("errorCode", code);
        out.put("errorMessage", message);
        return Response.json(status, out.toString());
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = Codec.percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            out.putIfAbsent(name, eq < 0 ? "" : Codec.percentDecode(pair.substring(eq + 1), true));
        }
        return out;
    }
}
