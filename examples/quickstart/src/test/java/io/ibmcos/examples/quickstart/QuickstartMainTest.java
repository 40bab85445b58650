package io.ibmcos.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickstartMainTest {

    @Test
    void unknownArgumentsExitWithUsage() {
        assertThat(QuickstartMain.run(new String[] { "--no-such-flag" })).isEqualTo(2);
    }

    @Test
    void noEndpointMeansTheEmbeddedEmulator() {
        try (CosTarget target = CosTarget.fromEnvironment(Map.of())) {
            assertThat(target.isEmulator()).isTrue();
            assertThat(target.componentProperties()).containsKeys("camel.component.ibmcos.endpointUrl",
                    "camel.component.ibmcos.apiKey", "camel.component.ibmcos.iamEndpoint");
        }
    }

    @Test
    void ibmCloudCredentialsAreUsedButNeverDescribed() {
        CosTarget target = CosTarget.fromEnvironment(Map.of("COS_ENDPOINT", "https://s3.example.test",
                "COS_ACCESS_KEY", "AKIDSECRETISH", "COS_SECRET_KEY", "very/secret+key"));
        assertThat(target.isEmulator()).isFalse();
        assertThat(target.componentProperties()).containsEntry("camel.component.ibmcos.secretKey", "very/secret+key");
        assertThat(target.description()).doesNotContain("AKIDSECRETISH", "very/secret+key").contains("HMAC");
        assertThat(target.bucketPrefix()).matches("ibmcos-quickstart-[0-9a-f]{8}");
        target.close();
    }
}
