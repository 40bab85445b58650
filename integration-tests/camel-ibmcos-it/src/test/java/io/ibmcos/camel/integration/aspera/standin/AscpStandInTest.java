package io.ibmcos.camel.integration.aspera.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-in refuses what ascp refuses, the way ascp does (exit status 1), before touching anything. */
class AscpStandInTest {

    private static final List<String> VALID_TAIL = List.of("--mode", "send", "--host", "127.0.0.1", "-P", "1",
            "--dest64", "--file-list=/nonexistent", "Lw==");

    private static List<String> argv(String... head) {
        List<String> a = new java.util.ArrayList<>(List.of(head));
        a.addAll(VALID_TAIL);
        return a;
    }

    @Test
    void versionQueryAnswersWithStatusZero() {
        assertThat(AscpStandIn.run(List.of("-A"), Map.of())).isZero();
    }

    @Test
    void unknownOptionsAndMissingValuesExitWithOne() {
        assertThat(AscpStandIn.run(argv("-M", "1", "--src-base64", "x"), Map.of())).isEqualTo(1);
        assertThat(AscpStandIn.run(argv("-M", "1", "-W", "token-in-argv"), Map.of())).isEqualTo(1);
        assertThat(AscpStandIn.run(List.of("-M"), Map.of())).isEqualTo(1);
        assertThat(AscpStandIn.run(argv("-M", "1", "-C", "3:2"), Map.of())).isEqualTo(1);
    }

    @Test
    void anUnreachableManagementPortExitsWithOne() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThat(AscpStandIn.run(argv("-M", Integer.toString(closedPort)), Map.of())).isEqualTo(1);
    }
}
