package io.ibmcos.camel.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.quarkus.deployment.IbmCosDevServicesConfig.CredentialKind;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.CosCredentials;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.auth.IamCredentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Startable on its own: what it injects is enough for our client to reach the buckets it pre-created. */
class EmulatorDevServiceTest {

    @Test
    void hmacPropertiesReachThePreCreatedBuckets() {
        try (EmulatorDevService service = started(CredentialKind.HMAC, "alpha", "beta")) {
            Map<String, String> props = injected(service, CredentialKind.HMAC);
            assertThat(props).containsOnlyKeys("camel.component.ibmcos.endpoint-url",
                    "camel.component.ibmcos.credential-type", "camel.component.ibmcos.access-key",
                    "camel.component.ibmcos.secret-key");
            assertThat(props.get("camel.component.ibmcos.endpoint-url")).startsWith("http://127.0.0.1:")
                    .isEqualTo(service.getConnectionInfo());
            try (CosClient client = client(props, new HmacCredentials(props.get("camel.component.ibmcos.access-key"),
                    props.get("camel.component.ibmcos.secret-key")))) {
                client.headBucket("alpha");
                client.headBucket("beta");
            }
        }
    }

    @Test
    void iamPropertiesGetATokenFromTheEmulatorsIam() {
        try (EmulatorDevService service = started(CredentialKind.IAM, "gamma")) {
            Map<String, String> props = injected(service, CredentialKind.IAM);
            assertThat(props).containsOnlyKeys("camel.component.ibmcos.endpoint-url",
                    "camel.component.ibmcos.credential-type", "camel.component.ibmcos.api-key",
                    "camel.component.ibmcos.service-instance-id", "camel.component.ibmcos.iam-endpoint");
            assertThat(props.get("camel.component.ibmcos.credential-type")).isEqualTo("IAM");
            IamCredentials iam = new IamCredentials(props.get("camel.component.ibmcos.api-key"),
                    props.get("camel.component.ibmcos.service-instance-id"),
                    URI.create(props.get("camel.component.ibmcos.iam-endpoint")));
            try (CosClient client = client(props, iam)) {
                client.headBucket("gamma");
            }
        }
    }

    @Test
    void credentialsAreGeneratedPerStart() {
        try (EmulatorDevService first = started(CredentialKind.HMAC);
                EmulatorDevService second = started(CredentialKind.HMAC)) {
            assertThat(injected(first, CredentialKind.HMAC).get("camel.component.ibmcos.secret-key"))
                    .isNotEqualTo(injected(second, CredentialKind.HMAC).get("camel.component.ibmcos.secret-key"));
        }
    }

    @Test
    void portOutOfRangeNamesTheOption() {
        IbmCosDevServicesConfig config = new IbmCosDevServicesConfig() {
            public boolean enabled() {
                return true;
            }

            public Optional<Integer> port() {
                return Optional.of(70000);
            }

            public Optional<String> dataDir() {
                return Optional.empty();
            }

            public Optional<List<String>> buckets() {
                return Optional.empty();
            }

            public CredentialKind credentialType() {
                return CredentialKind.IAM;
            }
        };
        assertThatThrownBy(() -> EmulatorDevService.Settings.of(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quarkus.camel.ibmcos.devservices.port");
    }

    private static EmulatorDevService started(CredentialKind kind, String... buckets) {
        EmulatorDevService service = new EmulatorDevService(
                new EmulatorDevService.Settings(Optional.empty(), Optional.empty(), List.of(buckets), kind));
        service.start();
        return service;
    }

    private static Map<String, String> injected(EmulatorDevService service, CredentialKind kind) {
        return EmulatorDevService.injectedProperties(kind).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().apply(service)));
    }

    private static CosClient client(Map<String, String> props, CosCredentials credentials) {
        return new DefaultCosClient(CosClientConfig.builder()
                .endpoint(props.get("camel.component.ibmcos.endpoint-url")).credentials(credentials).build());
    }
}
