package io.ibmcos.emulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibmcos.emulator.ops.Call;
import io.ibmcos.emulator.ops.OperationHandler;
import io.ibmcos.emulator.protocol.Response;
import java.io.IOException;
import java.util.Map;

/**
 * The unauthenticated admin API under {@code /_emulator/}: {@code GET|DELETE stats},
 * {@code GET|POST|DELETE faults}. {@code _emulator} is not a valid bucket name, so it cannot shadow a bucket.
 */
public final class AdminHandler implements OperationHandler {
    private final ObjectMapper json = new ObjectMapper();
    private final Stats stats;
    private final Faults faults;

    public AdminHandler(Stats stats, Faults faults) {
        this.stats = stats;
        this.faults = faults;
    }

    @Override
    public Response handle(Call call) throws IOException {
        String path = call.head().rawPath().substring("/_emulator/".length());
        String method = call.head().method();
        switch (path) {
            case "stats":
                if (method.equals("GET")) {
                    ObjectNode out = json.createObjectNode();
                    out.set("operations", json.valueToTree(stats.snapshot()));
                    return Response.json(200, out.toString());
                }
                if (method.equals("DELETE")) {
                    stats.reset();
                    return Response.noContent();
                }
                break;
            case "faults":
                switch (method) {
                    case "GET":
                        return Response.json(200, json.writeValueAsString(Map.of("faults", faults.rules())));
                    case "POST":
                        return addFault(call.body().bytes());
                    case "DELETE":
                        faults.clear();
                        return Response.noContent();
                    default:
                        break;
                }
                break;
            default:
                return Response.json(404, "{\"error\":\"unknown admin resource " + path.replace("\"", "") + "\"}");
        }
        return Response.json(405, "{\"error\":\"method not allowed\"}");
    }

    private Response addFault(byte[] body) throws IOException {
        FaultRule rule;
        try {
            rule = json.readValue(body, FaultRule.class);
        } catch (IOException e) {
            String reason = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                    : e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            ObjectNode err = json.createObjectNode().put("error", "invalid fault: " + reason);
            return Response.json(400, err.toString());
        }
        faults.add(rule);
        return Response.json(201, json.writeValueAsString(rule));
    }
}
