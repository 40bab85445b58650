package io.ibmcos.client.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ibmcos.client.error.CosException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parsers for the two credential files. Errors name the file and position but never quote its content:
 * the content is mostly secrets.
 */
final class CredentialFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialFiles() {
    }

    /**
     * Reads an IBM Cloud service credential ({@code cos_credentials}). Returns the credentials it offers,
     * HMAC first: IBM's Java and Python SDKs prefer the HMAC keys when both are present.
     */
    static List<CosCredentials> cosCredentials(Path file) {
        JsonNode json;
        try {
            json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // No cause attached: Jackson's message can quote the offending text.
            JsonLocation at = e.getLocation();
            throw new CosException("Credentials file " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new CosException("Cannot read credentials file " + file, e);
        }
        if (json == null || !json.isObject()) {
            throw new CosException("Credentials file " + file + " must contain a JSON object");
        }
        List<CosCredentials> offered = new ArrayList<>(2);
        JsonNode hmac = json.get("cos_hmac_keys");
        if (hmac != null && hmac.isObject()) {
            String access = text(hmac, "access_key_id");
            String secret = text(hmac, "secret_access_key");
            if (access != null && secret != null) {
                offered.add(new HmacCredentials(access, secret));
            }
        }
        String apiKey = text(json, "apikey");
        if (apiKey != null) {
            offered.add(iam(file, apiKey, text(json, "resource_instance_id"), text(json, "iam_auth_endpoint")));
        }
        return offered;
    }

    /**
     * Reads one profile of an AWS-style shared credentials file. Returns what it offers, IAM first: the IBM
     * JS, Python and Go SDKs check the IBM keys of a profile before its HMAC keys. The profile is missing →
     * empty list.
     */
    static List<CosCredentials> awsProfile(Path file, String profile) {
        Map<String, String> keys = iniSection(file, profile);
        List<CosCredentials> offered = new ArrayList<>(2);
        String apiKey = first(keys, "ibm_api_key_id", "ibm.apikeyid");
        if (apiKey != null) {
            offered.add(iam(file, apiKey, first(keys, "ibm_service_instance_id", "ibm.serviceinstanceid"),
                    first(keys, "ibm_auth_endpoint")));
        }
        String access = first(keys, "aws_access_key_id");
        String secret = first(keys, "aws_secret_access_key");
        if (access != null && secret != null) {
            offered.add(new HmacCredentials(access, secret));
        }
        return offered;
    }

    /** The keys of one {@code [section]} (also accepted as {@code [profile section]}), names lower-cased. */
    private static Map<String, String> iniSection(Path file, String wanted) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CosException("Cannot read credentials file " + file, e);
        }
        Map<String, String> keys = new HashMap<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw malformed(file, i + 1);
                }
                section = line.substring(1, line.length() - 1).strip();
                if (section.startsWith("profile ")) {
                    section = section.substring("profile ".length()).strip();
                }
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && section != null) {
                continue; // continuation of a nested value (AWS config style); no credential lives there
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || section == null) {
                throw malformed(file, i + 1);
            }
            if (section.equals(wanted)) {
                keys.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
            }
        }
        return keys;
    }

    private static CosException malformed(Path file, int lineNumber) {
        return new CosException("Credentials file " + file + " is malformed at line " + lineNumber
                + " (expected [profile] or key = value)");
    }

    private static IamCredentials iam(Path file, String apiKey, String instance, String endpoint) {
        try {
            return new IamCredentials(apiKey, instance, endpoint == null ? null : URI.create(endpoint));
        } catch (IllegalArgumentException e) {
            // Only the endpoint can be wrong here; neither message quotes the key.
            throw new CosException("Credentials file " + file + " has an invalid IAM endpoint URL");
        }
    }

    private static String first(Map<String, String> keys, String... names) {
        for (String name : names) {
            String v = keys.get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String v = node.asText();
        return v.isBlank() ? null : v;
    }
}
