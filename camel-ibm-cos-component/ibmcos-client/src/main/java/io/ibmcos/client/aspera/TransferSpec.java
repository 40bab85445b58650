package io.ibmcos.client.aspera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibmcos.client.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transfer spec as ATS returned it, kept as a JSON tree so that fields this code does not know pass through to
 * the engine unchanged. Accessors read the fields the engine maps; {@link #json()} is the live tree for edits.
 * {@link #toString()} masks tokens and credentials.
 */
public final class TransferSpec {

    /** One entry of {@code paths}. */
    public record PathPair(String source, String destination) {
    }

    private final ObjectNode json;

    public TransferSpec(ObjectNode json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** An empty spec (tests and engines that build specs by hand). */
    public static TransferSpec empty() {
        return new TransferSpec(JsonNodeFactory.instance.objectNode());
    }

    /** The live JSON tree; changes are visible to every reader of this spec. */
    public ObjectNode json() {
        return json;
    }

    /** An independent copy (multi-session and retries must not share edits). */
    public TransferSpec copy() {
        return new TransferSpec(json.deepCopy());
    }

    public String text(String field) {
        return JsonFields.text(json, field);
    }

    public Long number(String field) {
        try {
            return JsonFields.number(json, field);
        } catch (NumberFormatException e) {
            throw new AsperaException("Transfer spec field " + field + " is not a number: " + json.get(field).asText());
        }
    }

    public String remoteHost() {
        return text("remote_host");
    }

    /** {@code send} (upload) or {@code receive} (download). */
    public String direction() {
        return text("direction");
    }

    public String token() {
        return text("token");
    }

    public List<PathPair> paths() {
        List<PathPair> out = new ArrayList<>();
        JsonNode paths = json.get("paths");
        if (paths instanceof ArrayNode array) {
            for (JsonNode p : array) {
                JsonNode dst = p.get("destination");
                out.add(new PathPair(p.path("source").asText(),
                        dst == null || dst.isNull() || dst.asText().isEmpty() ? null : dst.asText()));
            }
        }
        return out;
    }

    /** Replaces {@code paths} (ACLI and the SDKs send either all destinations or none). */
    public TransferSpec paths(List<PathPair> pairs) {
        ArrayNode array = json.putArray("paths");
        for (PathPair p : pairs) {
            ObjectNode entry = array.addObject();
            entry.put("source", p.source());
            if (p.destination() != null) {
                entry.put("destination", p.destination());
            }
        }
        return this;
    }

    /** The transfer spec as compact JSON, secrets included: only for the engine, never for logs. */
    public String toJson() {
        return json.toString();
    }

    @Override
    public String toString() {
        return "TransferSpec" + Redaction.json(json);
    }
}
