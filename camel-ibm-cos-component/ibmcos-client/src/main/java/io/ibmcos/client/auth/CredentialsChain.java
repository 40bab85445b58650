package io.ibmcos.client.auth;

import io.ibmcos.client.error.CosException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds credentials the way IBM's COS SDKs do, for users who configure none explicitly.
 *
 * <p>Sources, in order; the first one offering usable credentials wins:
 * <ol>
 *   <li><b>environment</b>: {@code IBM_API_KEY_ID} (+ {@code IBM_SERVICE_INSTANCE_ID},
 *       {@code IBM_AUTH_ENDPOINT}) for IAM; {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}
 *       (alternates {@code AWS_ACCESS_KEY}/{@code AWS_SECRET_KEY}) for HMAC;</li>
 *   <li><b>{@code ~/.bluemix/cos_credentials}</b> (IBM Cloud service credential JSON; path from
 *       {@code COS_CREDENTIALS_FILE}, else {@code IBM_CREDENTIAL_JSON_FILE}); when this file exists and offers
 *       credentials, {@code ~/.aws/credentials} is not consulted;</li>
 *   <li><b>{@code ~/.aws/credentials}</b> (ini; profile {@code AWS_PROFILE}, default {@code default}; path from
 *       {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code AWS_CREDENTIAL_PROFILES_FILE}); IBM keys
 *       {@code ibm_api_key_id}, {@code ibm_service_instance_id}, {@code ibm_auth_endpoint} (or the Java SDK's
 *       {@code ibm.apiKeyId}, {@code ibm.serviceInstanceId}) and HMAC keys {@code aws_access_key_id},
 *       {@code aws_secret_access_key}.</li>
 * </ol>
 *
 * <p>When one source offers both kinds:
 * <ul>
 *   <li>{@code cos_credentials}: HMAC wins (IBM's Java and Python SDKs; the JS SDK differs);</li>
 *   <li>{@code ~/.aws/credentials}: IAM wins (the JS, Python and Go SDKs check it first);</li>
 *   <li>environment: <b>HMAC wins</b> when both the key pair and an API key are complete. No SDK defines this
 *       case; we chose HMAC to match the {@code cos_credentials} rule, and because HMAC works without a
 *       round trip to IAM and is the only kind that can presign URLs.</li>
 * </ul>
 * With a {@code preferred} type, the first source offering that type is used and sources offering only the
 * other type are skipped. Incomplete entries (an access key without its secret) are ignored. A malformed
 * file fails with a {@link CosException} naming the file, never quoting it.
 */
public final class CredentialsChain {

    private static final System.Logger LOG = System.getLogger(CredentialsChain.class.getName());

    private final Map<String, String> env;
    private final Path userHome;

    /**
     * @param env      environment variables (tests pass a map; production {@link System#getenv()})
     * @param userHome home directory used for the default file locations and {@code ~/} in overrides
     */
    public CredentialsChain(Map<String, String> env, Path userHome) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.userHome = Objects.requireNonNull(userHome, "userHome");
    }

    /** A chain over this process's environment and {@code user.home}. */
    public static CredentialsChain fromSystem() {
        return new CredentialsChain(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The first matching credentials, or empty when no source has any.
     *
     * @param preferred the type wanted, or null for "whatever the first source offers"
     */
    public Optional<ResolvedCredentials> resolve(CredentialType preferred) {
        Optional<ResolvedCredentials> found = pick(environment(), "environment", preferred);
        if (found.isEmpty()) {
            Path cosFile = cosCredentialsFile();
            if (Files.isRegularFile(cosFile)) {
                found = pick(CredentialFiles.cosCredentials(cosFile), display(cosFile), preferred);
            }
        }
        if (found.isEmpty()) {
            Path awsFile = awsCredentialsFile();
            String profile = env("AWS_PROFILE", "default");
            if (Files.isRegularFile(awsFile)) {
                found = pick(CredentialFiles.awsProfile(awsFile, profile),
                        display(awsFile) + " [profile " + profile + "]", preferred);
            }
        }
        found.ifPresent(r -> LOG.log(System.Logger.Level.DEBUG, "Using {0} credentials from {1}",
                r.credentials().type(), r.source()));
        return found;
    }

    private List<CosCredentials> environment() {
        List<CosCredentials> offered = new ArrayList<>(2);
        String access = env("AWS_ACCESS_KEY_ID", env("AWS_ACCESS_KEY", null));
        String secret = env("AWS_SECRET_ACCESS_KEY", env("AWS_SECRET_KEY", null));
        if (access != null && secret != null) {
            offered.add(new HmacCredentials(access, secret));
        }
        String apiKey = env("IBM_API_KEY_ID", null);
        if (apiKey != null) {
            String endpoint = env("IBM_AUTH_ENDPOINT", null);
            try {
                offered.add(new IamCredentials(apiKey, env("IBM_SERVICE_INSTANCE_ID", null),
                        endpoint == null ? null : URI.create(endpoint)));
            } catch (IllegalArgumentException e) {
                throw new CosException("IBM_AUTH_ENDPOINT is not a valid http(s) URL");
            }
        }
        return offered;
    }

    private static Optional<ResolvedCredentials> pick(List<CosCredentials> offered, String source,
                                                      CredentialType preferred) {
        return offered.stream()
                .filter(c -> preferred == null || c.type() == preferred)
                .findFirst()
                .map(c -> new ResolvedCredentials(c, source));
    }

    private Path cosCredentialsFile() {
        String override = env("COS_CREDENTIALS_FILE", env("IBM_CREDENTIAL_JSON_FILE", null));
        return override != null ? expand(override) : userHome.resolve(".bluemix").resolve("cos_credentials");
    }

    private Path awsCredentialsFile() {
        String override = env("AWS_SHARED_CREDENTIALS_FILE", env("AWS_CREDENTIAL_PROFILES_FILE", null));
        return override != null ? expand(override) : userHome.resolve(".aws").resolve("credentials");
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return userHome;
        }
        if (path.startsWith("~/")) {
            return userHome.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /** Shows files under the home directory as {@code ~/...}, the form users know. */
    private String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path home = userHome.toAbsolutePath().normalize();
        return abs.startsWith(home) ? "~/" + home.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    private String env(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    @Override
    public String toString() {
        return "CredentialsChain[userHome=" + userHome + "]";
    }
}
