package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.IbmCosOperation;
import io.ibmcos.camel.integration.aspera.standin.AscpStandIn;
import io.ibmcos.camel.integration.aspera.standin.StandInScript;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.emulator.CosEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * asperaUpload and asperaDownload in real routes against the emulator, with the test stand-in for ascp (a Java
 * program started through a generated script, speaking ascp's argv and management protocol, moving bytes over the
 * emulator's HTTP data path). Issue 9, section 5, one test per listed case.
 */
class IbmCosAsperaIT extends CamelTestSupport {

    private static final Pattern TRANSFER_TOKEN = Pattern.compile("AT[0-9a-f]{48}TA");
    private static final String JWT_HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"; // every emulator IAM token starts so
    private static CosEmulator emulator;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        emulator = CosServers.startEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private Path record() throws Exception {
        return Files.createDirectories(tmp.resolve("record"));
    }

    /** The stand-in script with its knobs; always records argv and env names into tmp/record. */
    private Path standIn(Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put(AscpStandIn.RECORD_ENV, record().toString());
        all.putIfAbsent(AscpStandIn.STATS_ENV, "100");
        return StandInScript.create(tmp.resolve("bin-" + all.hashCode()), all);
    }

    private String uri(String bucket, Auth auth, Path ascp, String more) {
        return "ibmcos:" + bucket + "?" + auth.uriOptions(emulator) + "&asperaAscpPath=" + ascp
                + (more.isEmpty() ? "" : "&" + more);
    }

    private String bucket(String name) {
        send("ibmcos:" + name + "?operation=createBucket&" + Auth.IAM.uriOptions(emulator), Map.of(), null);
        return name;
    }

    private Exchange send(String uri, Map<String, Object> headers, Object body) {
        return template.send(uri, e -> {
            e.getMessage().setHeaders(new HashMap<>(headers));
            e.getMessage().setBody(body);
        });
    }

    private Exchange ok(String uri, Map<String, Object> headers, Object body) {
        Exchange e = send(uri, headers, body);
        if (e.getException() != null) {
            throw new AssertionError(e.getException());
        }
        return e;
    }

    private Path randomFile(Path f, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(f.toString().hashCode()).nextBytes(data);
        Files.createDirectories(f.getParent());
        return Files.write(f, data);
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /** Reads the object with the client core directly (not through a route, whose stream closes with the exchange). */
    private String sha256Of(String bucket, String key) throws Exception {
        try (DefaultCosClient cos = new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(CosServers.EMULATOR_ACCESS_KEY, CosServers.EMULATOR_SECRET_KEY))
                .build()); GetObjectResponse r = cos.getObject(GetObjectRequest.of(bucket, key))) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.content().readAllBytes()));
        }
    }

    private List<List<String>> recordedArgv() throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(record())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("argv-")).sorted().toList()) {
                out.add(Files.readAllLines(f));
            }
        }
        return out;
    }

    @Test
    void fileRoundTripKeepsTheBytesAndSecretsStayOutOfArgv() throws Exception {
        String bucket = bucket("aspera-file");
        Path ascp = standIn(Map.of());
        Path source = randomFile(tmp.resolve("in/report.bin"), 1_234_567);

        Exchange up = ok(uri(bucket, Auth.IAM, ascp, "operation=asperaUpload&asperaKeyFile=" + source
                + "&asperaKeyPassphrase=RAW(pass+phrase/secret)"), Map.of(IbmCosConstants.KEY, "reports/report.bin"),
                source.toFile());
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_ENGINE)).isEqualTo("ascp");
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_BYTES)).isEqualTo(1_234_567L);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_FILES)).isEqualTo(1);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_TRANSFER_ID, String.class)).hasSize(36);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_ELAPSED, Long.class)).isNotNegative();
        assertThat(sha256Of(bucket, "reports/report.bin")).isEqualTo(sha256(source));

        Path target = tmp.resolve("out/report.bin");
        Exchange down = ok(uri(bucket, Auth.IAM, ascp, "operation=asperaDownload"), Map.of(IbmCosConstants.KEY,
                "reports/report.bin", IbmCosConstants.ASPERA_LOCAL_PATH, target.toString()), null);
        assertThat(down.getMessage().getHeader(IbmCosConstants.ASPERA_BYTES)).isEqualTo(1_234_567L);
        assertThat(sha256(target)).isEqualTo(sha256(source));

        List<List<String>> argv = recordedArgv();
        assertThat(argv).hasSize(2);
        for (List<String> a : argv) {
            String joined = String.join(" ", a);
            assertThat(joined).doesNotContainPattern(TRANSFER_TOKEN).doesNotContain("pass+phrase/secret")
                    .doesNotContain(CosServers.EMULATOR_API_KEY);
            assertThat(a).contains("--tags64", "--dest64");
            boolean upload = a.get(a.indexOf("--mode") + 1).equals("send");
            assertThat(a.contains("-i")).as("the key file only where configured").isEqualTo(upload);
            String list = a.stream().filter(s -> s.contains("-list=")).findFirst().orElseThrow();
            assertThat(Path.of(list.substring(list.indexOf('=') + 1))).as("file list deleted").doesNotExist();
        }
        try (Stream<Path> env = Files.list(record()).filter(p -> p.getFileName().toString().startsWith("env-"))) {
            List<List<String>> names = new ArrayList<>();
            for (Path f : env.toList()) {
                names.add(Files.readAllLines(f));
            }
            assertThat(names).hasSize(2).allSatisfy(n -> assertThat(n).contains("ASPERA_SCP_TOKEN"));
            assertThat(names).filteredOn(n -> n.contains("ASPERA_SCP_PASS")).as("passphrase for the keyed upload")
                    .hasSize(1);
        }
    }

    @Test
    void nestedFolderUploadAndDownload() throws Exception {
        String bucket = bucket("aspera-tree");
        Path ascp = standIn(Map.of());
        Path tree = tmp.resolve("tree");
        Map<String, Path> files = new TreeMap<>();
        for (String rel : List.of("a.txt", "sub/b.bin", "sub/deeper/c.bin", "sub/deeper/d..e.txt")) {
            files.put(rel, randomFile(tree.resolve(rel), 10_000 + rel.length() * 1000));
        }
        Exchange up = ok(uri(bucket, Auth.IAM, ascp, "operation=asperaUpload"), Map.of(IbmCosConstants.KEY, "backup",
                IbmCosConstants.ASPERA_LOCAL_PATH, tree.toString()), null);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_FILES)).isEqualTo(4);
        for (Map.Entry<String, Path> f : files.entrySet()) {
            assertThat(sha256Of(bucket, "backup/" + f.getKey())).isEqualTo(sha256(f.getValue()));
        }

        Path copy = tmp.resolve("copy");
        Exchange down = ok(uri(bucket, Auth.IAM, ascp, "operation=asperaDownload&asperaLocalPath=" + copy),
                Map.of(IbmCosConstants.KEY, "backup/"), null);
        assertThat(down.getMessage().getHeader(IbmCosConstants.ASPERA_FILES)).isEqualTo(4);
        for (Map.Entry<String, Path> f : files.entrySet()) {
            assertThat(sha256(copy.resolve(f.getKey()))).isEqualTo(sha256(f.getValue()));
        }
    }

    @Test
    void multiSessionTwoRunsTwoProcessesThatShareTheFilesAndRateOptionsReachArgv() throws Exception {
        String bucket = bucket("aspera-multi");
        Path ascp = standIn(Map.of());
        Path dir = tmp.resolve("multi");
        for (int i = 0; i < 4; i++) {
            randomFile(dir.resolve("f" + i + ".bin"), 50_000);
        }
        long sessions = emulator.stats().count("AsperaSession");
        Exchange up = ok(uri(bucket, Auth.IAM, ascp, "operation=asperaUpload&asperaMultiSession=2"
                + "&asperaTargetRateMbps=800&asperaMinRateMbps=100&asperaRatePolicy=high"
                + "&asperaMultiSessionThresholdMb=60"), Map.of(IbmCosConstants.KEY, "m", IbmCosConstants.ASPERA_LOCAL_PATH,
                dir.toString()), null);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_FILES)).isEqualTo(4);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_BYTES)).isEqualTo(200_000L);
        assertThat(emulator.stats().count("AsperaSession") - sessions).isEqualTo(2);
        List<List<String>> argv = recordedArgv();
        assertThat(argv).hasSize(2);
        List<String> sessionArgs = argv.stream().map(a -> a.get(a.indexOf("-C") + 1)).sorted().toList();
        assertThat(sessionArgs).containsExactly("1:2", "2:2");
        assertThat(argv).allSatisfy(a -> {
            assertThat(a.get(a.indexOf("-l") + 1)).isEqualTo("800000");
            assertThat(a.get(a.indexOf("-m") + 1)).isEqualTo("100000");
            assertThat(a.get(a.indexOf("--policy") + 1)).isEqualTo("high");
            assertThat(a.get(a.indexOf("--multi-session-threshold") + 1)).isEqualTo("60000000");
        });
        for (int i = 0; i < 4; i++) {
            assertThat(sha256Of(bucket, "m/f" + i + ".bin")).isEqualTo(sha256(dir.resolve("f" + i + ".bin")));
        }
    }

    @Test
    void injectedStallIsRetriedAndCompletes() throws Exception {
        String bucket = bucket("aspera-retry");
        Path marker = tmp.resolve("failed-once");
        Path ascp = standIn(Map.of(AscpStandIn.FAIL_ENV, "40", AscpStandIn.FAIL_ONCE_ENV, marker.toString()));
        Path source = randomFile(tmp.resolve("retry.bin"), 100_000);
        long setups = emulator.stats().count("AtsUploadSetup");
        Exchange up = ok(uri(bucket, Auth.IAM, ascp, "operation=asperaUpload&keyName=retry.bin"), Map.of(),
                source.toFile());
        assertThat(marker).as("the first ascp failed with code 40").exists();
        assertThat(recordedArgv()).as("a second ascp ran").hasSize(2);
        assertThat(emulator.stats().count("AtsUploadSetup") - setups).as("the spec was reused").isEqualTo(1);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_BYTES)).isEqualTo(100_000L);
        assertThat(sha256Of(bucket, "retry.bin")).isEqualTo(sha256(source));
    }

    @Test
    void authenticationFailureRenewsTheTokenOnceThenFailsNamingTheCauseWithoutSecrets() throws Exception {
        String bucket = bucket("aspera-auth");
        Path ascp = standIn(Map.of(AscpStandIn.FAIL_ENV, "19"));
        Path source = randomFile(tmp.resolve("auth.bin"), 1000);
        long setups = emulator.stats().count("AtsUploadSetup");
        long delegated = emulator.stats().count("IamDelegatedToken");
        Exception e = send(uri(bucket, Auth.IAM, ascp, "operation=asperaUpload&keyName=auth.bin"), Map.of(),
                source.toFile()).getException();
        assertThat(e).hasMessageContaining("code 19").hasMessageContaining("authentication failed")
                .hasMessageContaining("renewing the delegated token");
        assertThat(e.getMessage()).doesNotContainPattern(TRANSFER_TOKEN).doesNotContain(JWT_HEADER)
                .doesNotContain(CosServers.EMULATOR_API_KEY);
        assertThat(emulator.stats().count("AtsUploadSetup") - setups).isEqualTo(2);
        assertThat(emulator.stats().count("IamDelegatedToken") - delegated).isEqualTo(2);
    }

    @Test
    void tenTransfersCostOneConnectionInfoAndOneDelegatedToken() throws Exception {
        String bucket = bucket("aspera-ten");
        Path ascp = standIn(Map.of());
        long info = emulator.stats().count("GetFaspConnectionInfo");
        long delegated = emulator.stats().count("IamDelegatedToken");
        String uri = uri(bucket, Auth.IAM, ascp, "operation=asperaUpload");
        for (int i = 0; i < 10; i++) {
            Path f = randomFile(tmp.resolve("ten/f" + i), 2000);
            ok(uri, Map.of(IbmCosConstants.KEY, "ten/f" + i), f);
        }
        assertThat(emulator.stats().count("GetFaspConnectionInfo") - info).isEqualTo(1);
        assertThat(emulator.stats().count("IamDelegatedToken") - delegated).isEqualTo(1);
    }

    @Test
    void refusalsComeBeforeAnyTransfer() throws Exception {
        String bucket = bucket("aspera-refusals");
        Path ascp = standIn(Map.of());
        Path source = randomFile(tmp.resolve("r.bin"), 100);
        long setups = emulator.stats().count("AtsUploadSetup");

        Exception hmac = send(uri(bucket, Auth.HMAC, ascp, "operation=asperaUpload&keyName=k"), Map.of(),
                source.toFile()).getException();
        assertThat(hmac).hasMessageContaining("IAM credentials").hasMessageContaining("HMAC");

        String protectedBucket = bucket("aspera-protected");
        ok("ibmcos:" + protectedBucket + "?operation=putBucketProtectionConfiguration&" + Auth.IAM.uriOptions(emulator),
                Map.of(IbmCosConstants.MINIMUM_RETENTION_DAYS, 1, IbmCosConstants.DEFAULT_RETENTION_DAYS, 1,
                        IbmCosConstants.MAXIMUM_RETENTION_DAYS, 2), null);
        Exception prot = send(uri(protectedBucket, Auth.IAM, ascp, "operation=asperaUpload&keyName=k"), Map.of(),
                source.toFile()).getException();
        assertThat(prot).hasMessageContaining(protectedBucket).hasMessageContaining("protection configuration");

        Exception missing = send(uri(bucket, Auth.IAM, ascp, "operation=asperaUpload&keyName=k"), Map.of(),
                tmp.resolve("nope.bin").toFile()).getException();
        assertThat(missing).hasMessageContaining("does not exist").hasMessageContaining("nope.bin");

        ok("ibmcos:" + bucket + "?" + Auth.IAM.uriOptions(emulator), Map.of(IbmCosConstants.KEY, "dl/../../escape"),
                "x");
        ok("ibmcos:" + bucket + "?" + Auth.IAM.uriOptions(emulator), Map.of(IbmCosConstants.KEY, "dl/ok..name"), "y");
        Exception unsafe = send(uri(bucket, Auth.IAM, ascp, "operation=asperaDownload&asperaLocalPath="
                + tmp.resolve("dl")), Map.of(IbmCosConstants.KEY, "dl/"), null).getException();
        assertThat(unsafe).hasMessageContaining("Refusing to download key '../../escape'");
        assertThat(tmp.resolve("escape")).doesNotExist();

        assertThat(emulator.stats().count("AtsUploadSetup") - setups).as("no ATS call for any refusal").isZero();
        assertThat(recordedArgv()).as("no ascp ran").isEmpty();
    }

    @Test
    void withoutAscpFallbackNoneFailsClearlyAndMultipartUploads() throws Exception {
        String bucket = bucket("aspera-fallback");
        Path missing = tmp.resolve("no/such/ascp");
        Path dir = tmp.resolve("fb");
        Path a = randomFile(dir.resolve("a.bin"), 30_000);
        randomFile(dir.resolve("sub/b.bin"), 40_000);

        Exception none = send(uri(bucket, Auth.IAM, missing, "operation=asperaUpload&keyName=x"), Map.of(),
                a.toFile()).getException();
        assertThat(none).hasMessageContaining(missing.toString()).hasMessageContaining("not an executable");

        Exchange fb = ok(uri(bucket, Auth.IAM, missing, "operation=asperaUpload&asperaFallback=multipart"),
                Map.of(IbmCosConstants.KEY, "fb", IbmCosConstants.ASPERA_LOCAL_PATH, dir.toString()), null);
        assertThat(fb.getMessage().getHeader(IbmCosConstants.ASPERA_ENGINE)).isEqualTo("multipart");
        assertThat(fb.getMessage().getHeader(IbmCosConstants.ASPERA_FILES)).isEqualTo(2);
        assertThat(sha256Of(bucket, "fb/a.bin")).isEqualTo(sha256(a));
        assertThat(sha256Of(bucket, "fb/sub/b.bin")).isEqualTo(sha256(dir.resolve("sub/b.bin")));
    }

    @Test
    void debugLogsNeverShowTokensPassphrasesOrTags() throws Exception {
        String bucket = bucket("aspera-logs");
        Path ascp = standIn(Map.of());
        Path source = randomFile(tmp.resolve("log.bin"), 5000);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.ibmcos.client.aspera");
        java.util.logging.Level julPrevious = jul.getLevel();
        List<String> julLines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                julLines.add(new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(handler);
        try {
            ok(uri(bucket, Auth.IAM, ascp, "operation=asperaUpload&keyName=log.bin&asperaKeyFile=" + source
                    + "&asperaKeyPassphrase=RAW(pass+phrase/secret)"), Map.of(), source.toFile());
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
            jul.removeHandler(handler);
            jul.setLevel(julPrevious);
        }
        List<String> lines = new ArrayList<>(julLines);
        appender.list.forEach(ev -> lines.add(ev.getFormattedMessage()));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("--tags64 ****"));
        assertThat(lines).as("ascp -A logged once").anySatisfy(l -> assertThat(l).contains("TEST STAND-IN"));
        String tags = recordedArgv().get(0).get(recordedArgv().get(0).indexOf("--tags64") + 1);
        for (String line : lines) {
            assertThat(line).doesNotContainPattern(TRANSFER_TOKEN).doesNotContain(JWT_HEADER)
                    .doesNotContain("pass+phrase/secret").doesNotContain(CosServers.EMULATOR_API_KEY)
                    .doesNotContain(tags);
        }
    }

    @Test
    void operationFromHeaderWorksOnAnEndpointThatAllowsIt() throws Exception {
        String bucket = bucket("aspera-header");
        Path ascp = standIn(Map.of());
        Path source = randomFile(tmp.resolve("h.bin"), 3000);
        Exchange up = ok(uri(bucket, Auth.IAM, ascp, "allowOperationOverride=true"), Map.of(IbmCosConstants.OPERATION,
                IbmCosOperation.asperaUpload, IbmCosConstants.KEY, "h.bin"), source);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_ENGINE)).isEqualTo("ascp");
    }
}
