package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AscpCommandTest {

    private static final String TOKEN = "ATS-transfer-token-secret";
    private static final String DELEGATED = "delegated-refresh-token-secret";
    private static final Path ASCP = Path.of("/opt/aspera/ascp");
    private static final Path LIST = Path.of("/tmp/work/ascp-x.list");

    static TransferSpec sample() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree("""
                {"remote_host":"ats-sl-fra.aspera.io","remote_user":"xfer","token":"%s","ssh_port":33001,
                 "fasp_port":33001,"direction":"send","cipher":"aes-128","rate_policy":"fair",
                 "target_rate_kbps":500000,"min_rate_kbps":0,"sshfp":"b42d0bbd7ba1d1c1e2a3e1d2c3b4a5f6e7d8c9ba",
                 "resume_policy":"sparse_csum","multi_session_threshold":100000000,"source_root":"",
                 "destination_root":"","http_fallback":true,"target_rate_cap_kbps":1000000,"lock_min_rate":true,
                 "rate_policy_allowed":"fair","unknown_future_field":{"x":1},
                 "paths":[{"source":"/data/in/report.csv","destination":"reports/report.csv"}],
                 "tags":{"aspera":{"node":{"storage_credentials":{"type":"token",
                   "token":{"delegated_refresh_token":"%s"}}}}}}
                """.formatted(TOKEN, DELEGATED));
        return new TransferSpec(json);
    }

    private static AscpCommand.Built build(TransferSpec spec) {
        return AscpCommand.build(ASCP, spec, "xfer-1", 1, 1, 40001, LIST, null);
    }

    private static String valueOf(List<String> argv, String option) {
        int i = argv.indexOf(option);
        assertThat(i).as("option %s present", option).isGreaterThanOrEqualTo(0);
        return argv.get(i + 1);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachSpecFieldMapsToItsOption() throws Exception {
        List<String> argv = build(sample()).argv();
        assertThat(argv.get(0)).isEqualTo(ASCP.toString());
        assertThat(valueOf(argv, "-M")).isEqualTo("40001");
        assertThat(argv).contains("-q");
        assertThat(valueOf(argv, "-u")).isEqualTo("xfer-1");
        assertThat(valueOf(argv, "--mode")).isEqualTo("send");
        assertThat(valueOf(argv, "--user")).isEqualTo("xfer");
        assertThat(valueOf(argv, "--host")).isEqualTo("ats-sl-fra.aspera.io");
        assertThat(valueOf(argv, "-P")).isEqualTo("33001");
        assertThat(valueOf(argv, "-O")).isEqualTo("33001");
        assertThat(valueOf(argv, "-c")).isEqualTo("aes128");
        assertThat(valueOf(argv, "--policy")).isEqualTo("fair");
        assertThat(valueOf(argv, "-l")).isEqualTo("500000");
        assertThat(argv).doesNotContain("-m"); // 0 = unset
        assertThat(valueOf(argv, "-k")).isEqualTo("2");
        assertThat(valueOf(argv, "--check-sshfp")).isEqualTo("b42d0bbd7ba1d1c1e2a3e1d2c3b4a5f6e7d8c9ba");
        assertThat(valueOf(argv, "--multi-session-threshold")).isEqualTo("100000000");
        assertThat(argv).doesNotContain("--source-prefix64"); // empty source_root is dropped
        assertThat(argv).doesNotContain("-C"); // single session
        assertThat(argv).contains("--dest64", "--file-pair-list=" + LIST);
    }

    @Test
    void informationalFieldsAndHttpFallbackAreNotPassed() throws Exception {
        String joined = String.join(" ", build(sample()).argv());
        assertThat(joined).doesNotContain("1000000 ").doesNotContain("-y").doesNotContain("unknown_future_field")
                .doesNotContain("-W");
    }

    @Test
    void destinationIsLastBase64AndDefaultsToSlash() throws Exception {
        List<String> argv = build(sample()).argv();
        assertThat(argv.get(argv.size() - 1)).isEqualTo(b64("/"));
        assertThat(argv.get(argv.size() - 2)).isEqualTo("--file-pair-list=" + LIST);

        TransferSpec spec = sample();
        spec.json().put("destination_root", "/target dir");
        spec.json().put("source_root", "/src");
        List<String> rooted = build(spec).argv();
        assertThat(rooted.get(rooted.size() - 1)).isEqualTo(b64("/target dir"));
        assertThat(valueOf(rooted, "--source-prefix64")).isEqualTo(b64("/src"));
    }

    @Test
    void secretsGoToTheEnvironmentNeverToArgv() throws Exception {
        AscpCommand.Built built = AscpCommand.build(ASCP, sample(), "xfer-1", 1, 1, 40001, LIST,
                new AscpCommand.SshKey(Path.of("/keys/aspera_tokenauth_id_rsa"), "key-passphrase-secret"));
        assertThat(built.environment()).containsEntry("ASPERA_SCP_TOKEN", TOKEN)
                .containsEntry("ASPERA_SCP_PASS", "key-passphrase-secret")
                .containsEntry("ASPERA_TEST_REDIS_DISABLE", "true");
        assertThat(valueOf(built.argv(), "-i")).isEqualTo("/keys/aspera_tokenauth_id_rsa");
        String joined = String.join(" ", built.argv());
        assertThat(joined).doesNotContain(TOKEN).doesNotContain("key-passphrase-secret");
        assertThat(built.toString()).doesNotContain(TOKEN).doesNotContain(DELEGATED)
                .doesNotContain("key-passphrase-secret");
    }

    @Test
    void tagsTravelAsBase64JsonWithTheTransferIdAndAreMaskedInLogs() throws Exception {
        AscpCommand.Built built = build(sample());
        String tags = new String(Base64.getDecoder().decode(valueOf(built.argv(), "--tags64")), StandardCharsets.UTF_8);
        assertThat(tags).contains("\"xfer_id\":\"xfer-1\"").contains(DELEGATED); // ascp needs them
        String logged = Redaction.argv(built.argv());
        assertThat(logged).contains("--tags64 ****").doesNotContain(valueOf(built.argv(), "--tags64"));
        assertThat(Redaction.argv(List.of("ascp", "--tags64=abc", "-W", "tok"))).isEqualTo("ascp --tags64=**** -W ****");
    }

    @Test
    void multiSessionAddsSessionNumberAndCount() throws Exception {
        List<String> argv = AscpCommand.build(ASCP, sample(), "xfer-1", 2, 3, 40002, LIST, null).argv();
        assertThat(valueOf(argv, "-C")).isEqualTo("2:3");
        assertThat(argv.get(argv.size() - 2)).startsWith("--file-pair-list=");
    }

    @Test
    void receiveBecomesRecvAndSourcesOnlyUseAFileList() throws Exception {
        TransferSpec spec = sample();
        spec.json().put("direction", "receive");
        spec.paths(List.of(new TransferSpec.PathPair("a.txt", null), new TransferSpec.PathPair("b.txt", null)));
        AscpCommand.Built built = build(spec);
        assertThat(valueOf(built.argv(), "--mode")).isEqualTo("recv");
        assertThat(built.argv()).contains("--file-list=" + LIST);
        assertThat(built.fileListContent()).isEqualTo("a.txt\nb.txt\n");
    }

    @Test
    void pairListAlternatesSourceAndDestination() throws Exception {
        assertThat(build(sample()).fileListContent()).isEqualTo("/data/in/report.csv\nreports/report.csv\n");
    }

    @Test
    void invalidSpecsFailClearly() throws Exception {
        TransferSpec mixed = sample();
        mixed.paths(List.of(new TransferSpec.PathPair("a", "b"), new TransferSpec.PathPair("c", null)));
        assertThatThrownBy(() -> build(mixed)).hasMessageContaining("every path");
        TransferSpec noHost = sample();
        noHost.json().remove("remote_host");
        assertThatThrownBy(() -> build(noHost)).hasMessageContaining("remote_host");
        TransferSpec badDirection = sample();
        badDirection.json().put("direction", "sideways");
        assertThatThrownBy(() -> build(badDirection)).hasMessageContaining("direction");
    }

    @Test
    void specToStringMasksTokens() throws Exception {
        assertThat(sample().toString()).doesNotContain(TOKEN).doesNotContain(DELEGATED).contains("****");
    }
}
