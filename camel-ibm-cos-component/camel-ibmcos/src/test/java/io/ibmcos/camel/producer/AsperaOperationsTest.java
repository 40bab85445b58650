package io.ibmcos.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.support.IbmCosTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asperaUpload / asperaDownload refusals that must happen before any request (the transfers themselves run in
 * integration-tests/camel-ibmcos-it against the emulator with the ascp stand-in).
 */
class AsperaOperationsTest extends IbmCosTestSupport {

    private static final String COS = "ibmcos:" + BUCKET;

    @TempDir
    Path tmp;

    private Path fakeAscp() throws Exception {
        Path ascp = Files.writeString(tmp.resolve("fake-ascp.sh"), "#!/bin/sh\nexit 1\n");
        assertThat(ascp.toFile().setExecutable(true)).isTrue();
        return ascp;
    }

    @Test
    void uploadWithoutASourceNamesTheHeaderAndTheOption() throws Exception {
        Exception e = sendFail(COS + "?operation=asperaUpload&keyName=k&asperaAscpPath=" + fakeAscp(), "a string body",
                Map.of());
        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(IbmCosConstants.ASPERA_LOCAL_PATH).hasMessageContaining("asperaLocalPath");
        assertThat(recorder.requests()).isZero();
    }

    @Test
    void downloadWithoutALocalPathNamesTheHeaderAndTheOption() throws Exception {
        Exception e = sendFail(COS + "?operation=asperaDownload&keyName=k&asperaAscpPath=" + fakeAscp(), null,
                Map.of());
        assertThat(e).hasMessageContaining(IbmCosConstants.ASPERA_LOCAL_PATH).hasMessageContaining("asperaLocalPath");
        assertThat(recorder.requests()).isZero();
    }

    @Test
    void credentialsThatAreNotIamAreRefusedBeforeAnyRequest() throws Exception {
        Path file = Files.writeString(tmp.resolve("f.txt"), "x");
        // the autowired fake client comes without IAM credentials of the endpoint
        Exception e = sendFail(COS + "?operation=asperaUpload&keyName=k&asperaAscpPath=" + fakeAscp(), file, Map.of());
        assertThat(e).hasMessageContaining("IAM credentials");
        assertThat(recorder.requests()).isZero();
    }

    @Test
    void noAscpWithoutFallbackFailsNamingThePath() {
        Path missing = tmp.resolve("missing/ascp");
        Exception e = sendFail(COS + "?operation=asperaUpload&keyName=k&asperaAscpPath=" + missing,
                tmp.toFile(), Map.of());
        assertThat(e).hasMessageContaining(missing.toString()).hasMessageContaining("not an executable");
        assertThat(recorder.requests()).isZero();
    }

    @Test
    void invalidSpecOptionsFailAtStartNamingTheOptions() {
        for (String bad : new String[] {"asperaMultiSessionThresholdMb=10", "asperaRatePolicy=turbo",
                "asperaMultiSession=many", "asperaTargetRateMbps=0"}) {
            // the producer does not start: the failure comes before any message is processed
            assertThatThrownBy(() -> send(COS + "?operation=asperaUpload&keyName=k&" + bad, tmp.toFile(), Map.of()))
                    .as(bad).hasStackTraceContaining("Invalid Aspera options")
                    .hasStackTraceContaining(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(recorder.requests()).isZero();
    }
}
