package io.ibmcos.client.aspera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hides secrets before anything Aspera-related is logged or put into a message: JSON fields that carry tokens,
 * passwords or keys, and the value of {@code --tags64} (it holds the delegated refresh token as storage
 * credentials, and ascp offers no other way to pass the tags).
 */
public final class Redaction {

    public static final String MASK = "****";

    /** Field names whose values are secrets wherever they appear in a spec (IBM's SDK masks {@code token} too). */
    private static final Set<String> SECRET_FIELDS = Set.of("token", "delegated_refresh_token", "remote_password",
            "ssh_private_key", "ssh_private_key_passphrase", "cookie", "access_key_secret", "secret");

    /** Options whose next argv item is a secret or carries one. */
    private static final Set<String> SECRET_OPTIONS = Set.of("--tags64", "--tags", "-W");

    private Redaction() {
    }

    /** A deep copy of {@code node} with every secret field replaced by {@link #MASK}. */
    public static JsonNode json(JsonNode node) {
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_FIELDS.contains(field.getKey()) && field.getValue().isValueNode()) {
                    field.setValue(object.textNode(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::mask);
        }
    }

    /** The command line as one loggable string, with the values of secret-carrying options masked. */
    public static String argv(List<String> argv) {
        StringBuilder out = new StringBuilder();
        boolean maskNext = false;
        for (String arg : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (maskNext) {
                out.append(MASK);
                maskNext = false;
                continue;
            }
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && SECRET_OPTIONS.contains(arg.substring(0, eq))) {
                out.append(arg, 0, eq + 1).append(MASK);
                continue;
            }
            maskNext = SECRET_OPTIONS.contains(arg);
            out.append(arg);
        }
        return out.toString();
    }
}
