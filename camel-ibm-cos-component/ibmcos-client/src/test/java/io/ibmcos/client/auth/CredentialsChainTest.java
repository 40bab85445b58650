package io.ibmcos.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.error.CosException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsChainTest {

    private static final String COS_BOTH = """
            { "apikey": "file-api-key",
              "cos_hmac_keys": { "access_key_id": "file-access", "secret_access_key": "file-secret" },
              "endpoints": "https://control.cloud-object-storage.cloud.ibm.com/v2/endpoints",
              "resource_instance_id": "crn:v1:bluemix:public:cloud-object-storage:global:a/acct:guid::" }
            """;
    private static final String COS_IAM_ONLY = """
            { "apikey": "file-api-key", "resource_instance_id": "guid",
              "iam_auth_endpoint": "https://iam.test.cloud.ibm.com" }
            """;
    private static final String AWS_FILE = """
            # comment
            [default]
            aws_access_key_id = default-access
            aws_secret_access_key = default-secret

            [ibm]
            ibm_api_key_id = profile-api-key
            ibm_service_instance_id = profile-instance
            ibm_auth_endpoint = https://iam.example.test/identity/token
            aws_access_key_id = ibm-access
            aws_secret_access_key = ibm-secret

            [javasdk]
            ibm.apiKeyId = java-api-key
            ibm.serviceInstanceId = java-instance
            """;

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private CredentialsChain chain() {
        return new CredentialsChain(env, home);
    }

    private void write(String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ResolvedCredentials resolve(CredentialType preferred) {
        return chain().resolve(preferred).orElseThrow();
    }

    @Test
    void nothingConfiguredResolvesToEmpty() {
        assertThat(chain().resolve(null)).isEmpty();
        assertThat(chain().resolve(CredentialType.IAM)).isEmpty();
    }

    @Test
    void environmentWinsOverBothFiles() throws IOException {
        write(".bluemix/cos_credentials", COS_BOTH);
        write(".aws/credentials", AWS_FILE);
        env.put("IBM_API_KEY_ID", "env-api-key");
        env.put("IBM_SERVICE_INSTANCE_ID", "env-instance");
        env.put("IBM_AUTH_ENDPOINT", "http://127.0.0.1:8080/identity/token");

        ResolvedCredentials r = resolve(null);

        assertThat(r.source()).isEqualTo("environment");
        assertThat(r.credentials()).isEqualTo(new IamCredentials("env-api-key", "env-instance",
                URI.create("http://127.0.0.1:8080/identity/token")));
    }

    @Test
    void environmentHmacWithAlternateNamesAndHmacWinsOverApiKeyWithoutPreference() {
        env.put("AWS_ACCESS_KEY", "alt-access");
        env.put("AWS_SECRET_KEY", "alt-secret");
        env.put("IBM_API_KEY_ID", "env-api-key");

        assertThat(resolve(null).credentials()).isEqualTo(new HmacCredentials("alt-access", "alt-secret"));
        assertThat(resolve(CredentialType.IAM).credentials()).isInstanceOf(IamCredentials.class);
    }

    @Test
    void incompleteEnvironmentHmacIsIgnored() throws IOException {
        env.put("AWS_ACCESS_KEY_ID", "only-access");
        write(".aws/credentials", AWS_FILE);
        assertThat(resolve(null).credentials()).isEqualTo(new HmacCredentials("default-access", "default-secret"));
    }

    @Test
    void cosCredentialsWinsOverAwsCredentialsAndPrefersHmacInside() throws IOException {
        write(".bluemix/cos_credentials", COS_BOTH);
        write(".aws/credentials", AWS_FILE);

        ResolvedCredentials r = resolve(null);

        assertThat(r.source()).isEqualTo("~/.bluemix/cos_credentials");
        assertThat(r.credentials()).isEqualTo(new HmacCredentials("file-access", "file-secret"));
        IamCredentials iam = (IamCredentials) resolve(CredentialType.IAM).credentials();
        assertThat(iam.apiKey()).isEqualTo("file-api-key");
        assertThat(iam.serviceInstanceId()).startsWith("crn:v1:");
        assertThat(iam.iamEndpoint()).isEqualTo(IamCredentials.DEFAULT_IAM_ENDPOINT);
    }

    @Test
    void cosCredentialsIamEndpointWithoutPathIsCompleted() throws IOException {
        write(".bluemix/cos_credentials", COS_IAM_ONLY);
        IamCredentials iam = (IamCredentials) resolve(null).credentials();
        assertThat(iam.iamEndpoint()).isEqualTo(URI.create("https://iam.test.cloud.ibm.com/identity/token"));
    }

    @Test
    void preferredTypeSkipsSourcesThatOnlyOfferTheOther() throws IOException {
        env.put("IBM_API_KEY_ID", "env-api-key");
        write(".bluemix/cos_credentials", COS_IAM_ONLY);
        write(".aws/credentials", AWS_FILE);

        ResolvedCredentials r = resolve(CredentialType.HMAC);

        assertThat(r.source()).isEqualTo("~/.aws/credentials [profile default]");
        assertThat(r.credentials()).isEqualTo(new HmacCredentials("default-access", "default-secret"));
    }

    @Test
    void awsProfileSelectionChecksIbmKeysFirst() throws IOException {
        write(".aws/credentials", AWS_FILE);
        env.put("AWS_PROFILE", "ibm");

        ResolvedCredentials r = resolve(null);

        assertThat(r.source()).isEqualTo("~/.aws/credentials [profile ibm]");
        assertThat(r.credentials()).isEqualTo(new IamCredentials("profile-api-key", "profile-instance",
                URI.create("https://iam.example.test/identity/token")));
        assertThat(resolve(CredentialType.HMAC).credentials()).isEqualTo(new HmacCredentials("ibm-access", "ibm-secret"));
    }

    @Test
    void javaSdkPropertyNamesAreAcceptedInTheProfileFile() throws IOException {
        write(".aws/credentials", AWS_FILE);
        env.put("AWS_PROFILE", "javasdk");
        assertThat(resolve(null).credentials()).isEqualTo(new IamCredentials("java-api-key", "java-instance"));
    }

    @Test
    void missingProfileResolvesToEmpty() throws IOException {
        write(".aws/credentials", AWS_FILE);
        env.put("AWS_PROFILE", "nope");
        assertThat(chain().resolve(null)).isEmpty();
    }

    @Test
    void pathOverridesAreHonoured() throws IOException {
        write("elsewhere/cos.json", COS_IAM_ONLY);
        write("other/aws.ini", "[default]\naws_access_key_id=o-access\naws_secret_access_key=o-secret\n");
        write(".bluemix/cos_credentials", COS_BOTH); // shadowed by the override

        env.put("COS_CREDENTIALS_FILE", home.resolve("elsewhere/cos.json").toString());
        assertThat(resolve(null).source()).isEqualTo("~/elsewhere/cos.json");

        env.remove("COS_CREDENTIALS_FILE");
        env.put("IBM_CREDENTIAL_JSON_FILE", "~/elsewhere/cos.json");
        assertThat(resolve(null).credentials().type()).isEqualTo(CredentialType.IAM);

        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("other/aws.ini").toString());
        assertThat(resolve(CredentialType.HMAC).credentials()).isEqualTo(new HmacCredentials("o-access", "o-secret"));
        env.remove("AWS_SHARED_CREDENTIALS_FILE");
        env.put("AWS_CREDENTIAL_PROFILES_FILE", "~/other/aws.ini");
        assertThat(resolve(CredentialType.HMAC).source()).isEqualTo("~/other/aws.ini [profile default]");
    }

    @Test
    void malformedJsonNamesTheFileButNotItsContent() throws IOException {
        write(".bluemix/cos_credentials", "{ \"apikey\": \"leaked-secret-value\", oops }");

        assertThatThrownBy(() -> chain().resolve(null))
                .isInstanceOf(CosException.class)
                .hasMessageContaining(home.resolve(".bluemix/cos_credentials").toString())
                .hasMessageNotContaining("leaked-secret-value")
                .hasMessageNotContaining("oops")
                .hasNoCause();
    }

    @Test
    void malformedIniNamesTheFileAndLine() throws IOException {
        write(".aws/credentials", "[default]\nthis line is secret-ish garbage\n");
        assertThatThrownBy(() -> chain().resolve(null))
                .isInstanceOf(CosException.class)
                .hasMessageContaining(home.resolve(".aws/credentials").toString())
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("garbage");
    }

    @Test
    void credentialToStringsMaskSecrets() {
        assertThat(new IamCredentials("my-api-key", "inst").toString()).doesNotContain("my-api-key");
        assertThat(new HmacCredentials("AKID", "my-secret").toString()).contains("AKID").doesNotContain("my-secret");
        assertThatThrownBy(() -> new IamCredentials(" ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
        assertThatThrownBy(() -> new HmacCredentials("AKID", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secretKey");
    }
}
