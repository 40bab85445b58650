package io.ibmcos.camel.quarkus.deployment;

import io.ibmcos.camel.quarkus.deployment.IbmCosDevServicesConfig.CredentialKind;
import io.ibmcos.client.CosClient;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.emulator.CosEmulator;
import io.quarkus.deployment.builditem.Startable;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The COS emulator as a Quarkus owned Dev Service: started in the dev/test JVM on 127.0.0.1 right before the
 * application, with credentials generated for this run, and closed by Quarkus when no application needs it any more.
 */
final class EmulatorDevService implements Startable {

    private static final Logger LOG = Logger.getLogger(EmulatorDevService.class);

    static final String PREFIX = "camel.component.ibmcos.";

    /**
     * What identifies one emulator: Quarkus reuses a running one for the next application (another test class, a
     * dev-mode restart) when these are equal, and starts a new one otherwise.
     */
    record Settings(Optional<Integer> port, Optional<String> dataDir, List<String> buckets, CredentialKind credentialType) {
        static Settings of(IbmCosDevServicesConfig config) {
            config.port().filter(p -> p < 0 || p > 65535).ifPresent(p -> {
                throw new IllegalArgumentException("quarkus.camel.ibmcos.devservices.port must be between 0 and 65535, "
                        + "but was " + p);
            });
            return new Settings(config.port(), config.dataDir(), config.buckets().orElse(List.of()),
                    config.credentialType());
        }
    }

    private final Settings settings;
    private final SecureRandom random = new SecureRandom();
    private CosEmulator emulator;

    EmulatorDevService(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        CosEmulator.Builder builder = CosEmulator.builder()
                .host("127.0.0.1")
                .port(settings.port().orElse(0))
                .hmacCredentials("dev-" + token(10), token(20))
                .apiKey("dev-" + token(20))
                .serviceInstanceId("dev-instance-" + token(6));
        settings.dataDir().map(Path::of).ifPresent(builder::dataDir);
        emulator = builder.start();
        try {
            createBuckets();
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        LOG.infof("ibmcos Dev Services: COS emulator at %s (IAM %s, %s credentials, %s, buckets %s)",
                emulator.endpoint(), emulator.iamEndpoint(), settings.credentialType(),
                settings.dataDir().map(d -> "data in " + d).orElse("in memory"), settings.buckets());
    }

    private void createBuckets() {
        if (settings.buckets().isEmpty()) {
            return;
        }
        CosClientConfig config = CosClientConfig.builder()
                .endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(emulator.accessKey(), emulator.secretKey()))
                .build();
        try (CosClient client = new DefaultCosClient(config)) {
            for (String bucket : settings.buckets()) {
                try {
                    client.createBucket(CreateBucketRequest.of(bucket));
                } catch (CosServiceException e) {
                    if (e.statusCode() != 409) {
                        throw new IllegalStateException("ibmcos Dev Services could not create bucket '" + bucket
                                + "' (quarkus.camel.ibmcos.devservices.buckets): " + e.getMessage(), e);
                    }
                    // 409: already there, from an earlier run with the same data directory
                }
            }
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public String getConnectionInfo() {
        return emulator == null ? "(not started)" : emulator.endpoint().toString();
    }

    @Override
    public String getContainerId() {
        return null; // in-process, no container
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /**
     * The component properties the application gets, computed once the emulator runs. Only the chosen credential
     * kind is given: the component refuses IAM and HMAC credentials together.
     */
    static Map<String, Function<EmulatorDevService, String>> injectedProperties(CredentialKind kind) {
        Map<String, Function<EmulatorDevService, String>> props = new LinkedHashMap<>();
        props.put(PREFIX + "endpoint-url", s -> s.emulator.endpoint().toString());
        props.put(PREFIX + "credential-type", s -> kind.name());
        if (kind == CredentialKind.IAM) {
            props.put(PREFIX + "api-key", s -> s.emulator.apiKey());
            props.put(PREFIX + "service-instance-id", s -> s.emulator.serviceInstanceId());
            props.put(PREFIX + "iam-endpoint", s -> s.emulator.iamEndpoint().toString());
        } else {
            props.put(PREFIX + "access-key", s -> s.emulator.accessKey());
            props.put(PREFIX + "secret-key", s -> s.emulator.secretKey());
        }
        return props;
    }
}
