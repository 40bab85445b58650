package io.ibmcos.camel.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Dev Services for {@code ibmcos:}: a local COS emulator started in-process in dev and test mode. Build-time only:
 * the running application sees nothing but the {@code camel.component.ibmcos.*} properties the service injects.
 */
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
@ConfigMapping(prefix = "quarkus.camel.ibmcos.devservices")
public interface IbmCosDevServicesConfig {

    /**
     * Whether the COS emulator is started in dev and test mode. It is never started when
     * {@code camel.component.ibmcos.endpoint-url} is set, nor when {@code quarkus.devservices.enabled} is false.
     */
    @WithDefault("true")
    boolean enabled();

    /** Port of the emulator on 127.0.0.1; a free port is picked when absent. */
    Optional<Integer> port();

    /** Directory where the emulator keeps buckets and objects across restarts; in memory when absent. */
    Optional<String> dataDir();

    /** Buckets created when the emulator starts (existing ones, in a data directory, are kept). */
    Optional<List<String>> buckets();

    /**
     * Which credentials the application gets: {@code IAM} (an API key, exchanged for bearer tokens at the emulator's
     * IAM endpoint, as on IBM Cloud) or {@code HMAC} (an access key and secret key; needed for presigned URLs). Both
     * are generated at each start.
     */
    @WithDefault("IAM")
    CredentialKind credentialType();

    /** The credential kinds the emulator can hand out. */
    enum CredentialKind {
        IAM,
        HMAC
    }
}
