package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ControlPlaneShapesTest {

    private final AtsClient ats = new AtsClient(Duration.ofSeconds(1), Duration.ofSeconds(1));

    @Test
    void connectionInfoParsesAndHidesTheSecret() {
        FaspConnectionInfo info = FaspConnectionInfo.parse("""
                <FASPConnectionInfo xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <AccessKey><Id>ak-id</Id><Secret>ak-secret</Secret></AccessKey>
                  <ATSEndpoint>https://ats-sl-fra.aspera.io:443</ATSEndpoint>
                </FASPConnectionInfo>""".getBytes(StandardCharsets.UTF_8));
        assertThat(info.accessKeyId()).isEqualTo("ak-id");
        assertThat(info.accessKeySecret()).isEqualTo("ak-secret");
        assertThat(info.atsEndpoint().getHost()).isEqualTo("ats-sl-fra.aspera.io");
        assertThat(info.toString()).doesNotContain("ak-secret");
        assertThatThrownBy(() -> FaspConnectionInfo.parse("<FASPConnectionInfo/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("AccessKey");
    }

    @Test
    void specsStayJsonTreesWithUnknownFields() {
        TransferSpec spec = ats.parse("upload_setup", 200, """
                {"transfer_specs":[{"transfer_spec":{"remote_host":"h","direction":"send","token":"t",
                 "brand_new_field":{"nested":[1,2]}}}]}""");
        assertThat(spec.remoteHost()).isEqualTo("h");
        assertThat(spec.json().get("brand_new_field").get("nested").size()).isEqualTo(2);
        assertThat(spec.toString()).doesNotContain("\"t\"");
    }

    @Test
    void atsErrorShapesBecomeClearMessages() {
        assertThatThrownBy(() -> ats.parse("upload_setup", 401,
                "{\"error\":{\"code\":401,\"reason\":\"Unauthorized\",\"user_message\":\"Bad access key\"}}"))
                .isInstanceOfSatisfying(AtsClient.AtsException.class, e -> {
                    assertThat(e.authenticationFailed()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 401", "Unauthorized", "Bad access key");
                });
        assertThatThrownBy(() -> ats.parse("download_setup", 200,
                "{\"transfer_specs\":[{\"transfer_spec\":{\"error\":{\"code\":404,\"reason\":\"Not found\"}}}]}"))
                .hasMessageContaining("refused the transfer").hasMessageContaining("Not found");
        assertThatThrownBy(() -> ats.parse("download_setup", 200,
                "{\"transfer_specs\":[{\"error\":{\"code\":403,\"user_message\":\"Forbidden path\"}}]}"))
                .hasMessageContaining("Forbidden path");
        assertThatThrownBy(() -> ats.parse("upload_setup", 200, "{}")).hasMessageContaining("no transfer_specs");
    }
}
