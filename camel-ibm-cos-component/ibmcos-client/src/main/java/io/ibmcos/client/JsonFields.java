package io.ibmcos.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading single fields of the JSON documents the client receives (IAM token responses, Aspera transfer specs), which
 * it keeps as trees rather than binding them to classes. For the client's own packages; not a public API.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The field as text; null when it is missing or JSON null. */
    public static String text(JsonNode json, String name) {
        JsonNode node = json.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    /**
     * The field as a whole number, accepting a JSON number or a numeric string (services send both); null when it is
     * missing, JSON null or empty.
     *
     * @throws NumberFormatException when the field holds text that is not a number (callers decide whether that is
     *                               an error)
     */
    public static Long number(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            return null;
        }
        return node.isNumber() ? node.asLong() : Long.parseLong(node.asText().strip());
    }
}
