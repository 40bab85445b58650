package io.ibmcos.examples.quickstart;

import io.ibmcos.emulator.CosEmulator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the examples store objects: the embedded COS emulator (default, offline) or IBM Cloud when
 * {@code COS_ENDPOINT} is set. The choice ends up as {@code camel.component.ibmcos.*} properties, so the routes
 * carry no credentials in their URIs and are the same in both cases.
 */
public final class CosTarget implements AutoCloseable {

    private final CosEmulator emulator;
    private final Map<String, String> componentProperties;
    private final String bucketPrefix;
    private final String description;

    private CosTarget(CosEmulator emulator, Map<String, String> componentProperties, String bucketPrefix,
            String description) {
        this.emulator = emulator;
        this.componentProperties = componentProperties;
        this.bucketPrefix = bucketPrefix;
        this.description = description;
    }

    /**
     * IBM Cloud when {@code COS_ENDPOINT} is set: IAM with {@code COS_API_KEY} (+ {@code COS_SERVICE_INSTANCE_ID},
     * optional {@code COS_IAM_ENDPOINT}), HMAC with {@code COS_ACCESS_KEY} + {@code COS_SECRET_KEY}, or else the
     * component's credential chain (environment, ~/.bluemix/cos_credentials, ~/.aws/credentials). Otherwise the
     * embedded emulator on a random port.
     */
    public static CosTarget fromEnvironment(Map<String, String> env) {
        String endpoint = blankToNull(env.get("COS_ENDPOINT"));
        return endpoint == null ? embeddedEmulator() : ibmCloud(endpoint, env);
    }

    public static CosTarget embeddedEmulator() {
        CosEmulator cos = CosEmulator.builder().port(0).start();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.ibmcos.endpointUrl", cos.endpoint().toString());
        // IAM, as most IBM Cloud users authenticate: the emulator issues the bearer tokens itself
        p.put("camel.component.ibmcos.apiKey", cos.apiKey());
        p.put("camel.component.ibmcos.serviceInstanceId", cos.serviceInstanceId());
        p.put("camel.component.ibmcos.iamEndpoint", cos.iamEndpoint().toString());
        // the emulator's built-in local test credentials are not secrets: printing them helps with curl and SDKs
        String text = "the embedded COS emulator at " + cos.endpoint() + " (IAM API key '" + cos.apiKey()
                + "', service instance '" + cos.serviceInstanceId() + "', HMAC '" + cos.accessKey() + "' / '"
                + cos.secretKey() + "')";
        // a fresh in-memory emulator: fixed bucket names cannot collide with anything
        return new CosTarget(cos, p, "quickstart", text);
    }

    private static CosTarget ibmCloud(String endpoint, Map<String, String> env) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.ibmcos.endpointUrl", endpoint);
        String apiKey = blankToNull(env.get("COS_API_KEY"));
        String accessKey = blankToNull(env.get("COS_ACCESS_KEY"));
        String auth;
        if (apiKey != null) {
            p.put("camel.component.ibmcos.apiKey", apiKey);
            putIfSet(p, "camel.component.ibmcos.serviceInstanceId", env.get("COS_SERVICE_INSTANCE_ID"));
            putIfSet(p, "camel.component.ibmcos.iamEndpoint", env.get("COS_IAM_ENDPOINT"));
            auth = "IAM API key from COS_API_KEY (not shown)";
        } else if (accessKey != null) {
            p.put("camel.component.ibmcos.accessKey", accessKey);
            putIfSet(p, "camel.component.ibmcos.secretKey", env.get("COS_SECRET_KEY"));
            auth = "HMAC keys from COS_ACCESS_KEY / COS_SECRET_KEY (not shown)";
        } else {
            auth = "the credential chain (IBM_API_KEY_ID / AWS_* variables, ~/.bluemix/cos_credentials, ~/.aws/credentials)";
        }
        putIfSet(p, "camel.component.ibmcos.locationConstraint", env.get("COS_LOCATION_CONSTRAINT"));
        // bucket names are global in IBM COS: a random suffix avoids clashing with anyone else's
        String prefix = blankToNull(env.get("COS_BUCKET_PREFIX"));
        if (prefix == null) {
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            prefix = "ibmcos-quickstart-" + HexFormat.of().formatHex(random);
        }
        return new CosTarget(null, p, prefix, "IBM Cloud Object Storage at " + endpoint + " with " + auth);
    }

    /** {@code camel.component.ibmcos.*} properties: pass them to Camel, never print them (they hold secrets). */
    public Map<String, String> componentProperties() {
        return componentProperties;
    }

    public String bucketPrefix() {
        return bucketPrefix;
    }

    public boolean isEmulator() {
        return emulator != null;
    }

    /** Safe to print: no secret of a real account. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static void putIfSet(Map<String, String> p, String key, String value) {
        if (blankToNull(value) != null) {
            p.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
