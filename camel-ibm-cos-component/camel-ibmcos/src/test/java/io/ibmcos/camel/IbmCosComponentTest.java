package io.ibmcos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.CredentialType;
import io.ibmcos.client.auth.CredentialsChain;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.auth.IamCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoint creation without a given client: credential validation (fail fast, naming the options), inference, the
 * credential chain fallback, and every connection option reaching the client configuration.
 */
class IbmCosComponentTest extends CamelTestSupport {

    private static final String ENDPOINT = "endpointUrl=http://127.0.0.1:9";

    @TempDir
    Path home;

    private IbmCosComponent component;

    @BeforeEach
    void isolateFromTheMachine() {
        component = context.getComponent("ibmcos", IbmCosComponent.class);
        // no environment variables and an empty home: the chain finds nothing unless a test gives it something
        component.useCredentialsChain(new CredentialsChain(Map.of(), home));
    }

    private IbmCosEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, IbmCosEndpoint.class);
    }

    private Throwable creationFailure(String uri) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> context.getEndpoint(uri));
        assertThat(t).isNotNull();
        while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void missingCredentialsNameTheOptions() {
        assertThat(creationFailure("ibmcos:b?" + ENDPOINT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey").hasMessageContaining("accessKey").hasMessageContaining("secretKey")
                .hasMessageContaining("cosClient");
    }

    @Test
    void missingEndpointUrlNamesTheOption() {
        assertThat(creationFailure("ibmcos:b?apiKey=k")).hasMessageContaining("endpointUrl")
                .hasMessageContaining("cosClient");
    }

    @Test
    void invalidEndpointUrl() {
        assertThat(creationFailure("ibmcos:b?apiKey=k&endpointUrl=not-a-url")).hasMessageContaining("endpointUrl");
    }

    @Test
    void halfAnHmacPairIsRefused() {
        assertThat(creationFailure("ibmcos:b?" + ENDPOINT + "&accessKey=ak"))
                .hasMessageContaining("accessKey and secretKey");
    }

    @Test
    void bothKindsNeedCredentialType() {
        assertThat(creationFailure("ibmcos:b?" + ENDPOINT + "&apiKey=k&accessKey=a&secretKey=s"))
                .hasMessageContaining("credentialType");
    }

    @Test
    void credentialTypeChoosesBetweenBothKinds() {
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k&accessKey=a&secretKey=s&credentialType=HMAC");
        assertThat(e.getCredentials().credentials()).isEqualTo(new HmacCredentials("a", "s"));
    }

    @Test
    void apiKeyInfersIamWithServiceInstanceAndIamEndpoint() {
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k&serviceInstanceId=inst"
                + "&iamEndpoint=http://127.0.0.1:8/identity/token");
        assertThat(e.getCredentials().credentials())
                .isEqualTo(new IamCredentials("k", "inst", URI.create("http://127.0.0.1:8/identity/token")));
        assertThat(e.clientConfig().credentials()).isEqualTo(e.getCredentials().credentials());
    }

    @Test
    void hmacKeysInferHmac() {
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT + "&accessKey=a&secretKey=s");
        assertThat(e.getCredentials().credentials().type()).isEqualTo(CredentialType.HMAC);
        assertThat(e.clientConfig().iamTokenCache()).as("HMAC needs no token cache").isNull();
    }

    @Test
    void credentialChainIsTheFallback() {
        component.useCredentialsChain(new CredentialsChain(
                Map.of("AWS_ACCESS_KEY_ID", "env-ak", "AWS_SECRET_ACCESS_KEY", "env-sk"), home));
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT);
        assertThat(e.getCredentials().credentials()).isEqualTo(new HmacCredentials("env-ak", "env-sk"));
        assertThat(e.getCredentials().source()).isNotEqualTo(CredentialsResolver.EXPLICIT_SOURCE);
    }

    @Test
    void credentialTypeIsThePreferenceForTheChain() {
        component.useCredentialsChain(new CredentialsChain(Map.of("AWS_ACCESS_KEY_ID", "env-ak",
                "AWS_SECRET_ACCESS_KEY", "env-sk", "IBM_API_KEY_ID", "env-api-key"), home));
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT + "&credentialType=IAM");
        assertThat(e.getCredentials().credentials().type()).isEqualTo(CredentialType.IAM);
    }

    @Test
    void connectionOptionsReachTheClientConfig() {
        CosClientConfig c = endpoint("ibmcos:b?endpointUrl=http://127.0.0.1:9000&apiKey=k&location=eu-de"
                + "&forcePathStyle=false&connectTimeout=3s&requestTimeout=45000&maxConnections=7").clientConfig();
        assertThat(c.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(c.location()).isEqualTo("eu-de");
        assertThat(c.pathStyle()).isFalse();
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.maxConnections()).isEqualTo(7);
    }

    @Test
    void connectionDefaults() {
        CosClientConfig c = endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k").clientConfig();
        assertThat(c.pathStyle()).isTrue();
        assertThat(c.location()).isEqualTo(CosClientConfig.DEFAULT_LOCATION);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.maxConnections()).isEqualTo(50);
        assertThat(endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k&requestTimeout=0").clientConfig().requestTimeout())
                .as("0 means no limit").isNull();
    }

    @Test
    void iamEndpointsOfOneComponentShareOneTokenCache() {
        CosClientConfig a = endpoint("ibmcos:a?" + ENDPOINT + "&apiKey=k1").clientConfig();
        CosClientConfig b = endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k2").clientConfig();
        assertThat(a.iamTokenCache()).isNotNull().isSameAs(b.iamTokenCache());
    }

    @Test
    void aBuiltClientIsOwnedAndReleasedOnStop() throws Exception {
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT + "&accessKey=a&secretKey=s");
        e.start();
        assertThat(e.getClient()).isInstanceOf(DefaultCosClient.class);
        e.stop();
        assertThat(e.getClient()).isNull();
    }

    @Test
    void apiKeyWithReservedCharactersSurvivesRaw() {
        String key = "a+b/c=d&e%f g";
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=RAW(" + key + ")");
        assertThat(e.getConfiguration().getApiKey()).isEqualTo(key);
        assertThat(((IamCredentials) e.getCredentials().credentials()).apiKey()).isEqualTo(key.strip());
    }

    @Test
    void componentConfigurationIsATemplateEndpointsCopy() {
        component.getConfiguration().setApiKey("shared-key");
        component.getConfiguration().setEndpointUrl("http://127.0.0.1:9");
        IbmCosEndpoint a = endpoint("ibmcos:a?keyName=only-a");
        IbmCosEndpoint b = endpoint("ibmcos:b");
        assertThat(a.getConfiguration().getApiKey()).isEqualTo("shared-key");
        assertThat(b.getConfiguration().getKeyName()).isNull();
        assertThat(component.getConfiguration().getKeyName()).isNull();
        assertThat(a.getConfiguration().getBucketName()).isEqualTo("a");
    }

    @Test
    void unknownOptionsAreRejectedAndKnownOnesAccepted() {
        // guards the build order of the generated configurer: without it every option would be "unknown"
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> context.getEndpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k&noSuchOption=1"));
        assertThat(t).hasMessageContaining("noSuchOption");
        assertThat(endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k&operation=listObjects&listAll=true")
                .getConfiguration().isListAll()).isTrue();
    }

    @Test
    void theEndpointCreatesAConsumerWithItsOptions() throws Exception {
        IbmCosEndpoint e = endpoint("ibmcos:b?" + ENDPOINT + "&apiKey=k&maxMessagesPerPoll=25&delay=5000"
                + "&backoffIdleThreshold=3&backoffMultiplier=4");
        IbmCosConsumer c = (IbmCosConsumer) e.createConsumer(exchange -> {
        });
        assertThat(c.getMaxMessagesPerPoll()).isEqualTo(25);
        assertThat(c.getDelay()).isEqualTo(5000);
        assertThat(c.getBackoffIdleThreshold()).isEqualTo(3);
        assertThat(c.getBackoffMultiplier()).isEqualTo(4);
    }
}
