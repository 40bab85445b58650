package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ibmcos.camel.IbmCosConstants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asperaUpload and asperaDownload against a real IBM Cloud bucket with a real ascp: the only test of real FASP, real
 * ATS and IBM's SSH key handling. Excluded from the build (failsafe skips {@code *ManualIT}); every test is skipped
 * unless these environment variables are set:
 * <ul>
 *   <li>{@code IBMCOS_MANUAL_API_KEY} — an IAM API key with Writer access to the bucket;</li>
 *   <li>{@code IBMCOS_MANUAL_ENDPOINT} — e.g. {@code https://s3.eu-de.cloud-object-storage.appdomain.cloud};</li>
 *   <li>{@code IBMCOS_MANUAL_BUCKET} — an existing bucket without a protection configuration, in a region where
 *       Aspera is offered;</li>
 *   <li>{@code IBMCOS_MANUAL_ASCP} — path of ascp (for example extracted from IBM's
 *       {@code com.ibm.cos-aspera:cos-aspera-linux-64} jar, with {@code aspera-license} beside it);</li>
 *   <li>optional {@code IBMCOS_MANUAL_ASCP_KEY} and {@code IBMCOS_MANUAL_ASCP_KEY_PASSPHRASE} — the token-auth SSH key
 *       ascp should use (IBM ships {@code aspera_tokenauth_id_rsa} in the same jar).</li>
 * </ul>
 * Run: {@code mvn -B -pl integration-tests/camel-ibmcos-it -am verify -Dit.test=IbmCosAsperaManualIT
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=none}. Needs outbound TCP and UDP 33001. The objects it writes are
 * under a random prefix {@code aspera-manual-it/<uuid>/} and are deleted at the end.
 */
class IbmCosAsperaManualIT extends CamelTestSupport {

    @TempDir
    Path tmp;
    private String options;
    private String bucket;

    @BeforeEach
    void requireCloud() {
        String apiKey = System.getenv("IBMCOS_MANUAL_API_KEY");
        String endpoint = System.getenv("IBMCOS_MANUAL_ENDPOINT");
        bucket = System.getenv("IBMCOS_MANUAL_BUCKET");
        String ascp = System.getenv("IBMCOS_MANUAL_ASCP");
        assumeTrue(apiKey != null && endpoint != null && bucket != null && ascp != null,
                "IBM Cloud credentials and an ascp path are not given");
        StringBuilder o = new StringBuilder("apiKey=RAW(" + apiKey + ")&endpointUrl=" + endpoint + "&asperaAscpPath="
                + ascp + "&asperaMultiSession=2");
        if (System.getenv("IBMCOS_MANUAL_ASCP_KEY") != null) {
            o.append("&asperaKeyFile=").append(System.getenv("IBMCOS_MANUAL_ASCP_KEY"));
        }
        if (System.getenv("IBMCOS_MANUAL_ASCP_KEY_PASSPHRASE") != null) {
            o.append("&asperaKeyPassphrase=RAW(").append(System.getenv("IBMCOS_MANUAL_ASCP_KEY_PASSPHRASE")).append(')');
        }
        options = o.toString();
    }

    private Exchange ok(String operation, Map<String, Object> headers, Object body) {
        Exchange e = template.send("ibmcos:" + bucket + "?operation=" + operation + "&" + options, x -> {
            x.getMessage().setHeaders(new HashMap<>(headers));
            x.getMessage().setBody(body);
        });
        if (e.getException() != null) {
            throw new AssertionError(operation + " failed", e.getException());
        }
        return e;
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void fileAndFolderRoundTripOverRealAspera() throws Exception {
        String prefix = "aspera-manual-it/" + UUID.randomUUID();
        byte[] data = new byte[8 * 1024 * 1024];
        new Random().nextBytes(data);
        Path dir = Files.createDirectories(tmp.resolve("up/sub"));
        Path file = Files.write(tmp.resolve("up/big.bin"), data);
        Files.writeString(dir.resolve("small.txt"), "hello aspera");

        Exchange up = ok("asperaUpload", Map.of(IbmCosConstants.KEY, prefix + "/single.bin"), file);
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_ENGINE)).isEqualTo("ascp");
        assertThat(up.getMessage().getHeader(IbmCosConstants.ASPERA_BYTES, Long.class)).isEqualTo(data.length);
        Path back = tmp.resolve("back.bin");
        ok("asperaDownload", Map.of(IbmCosConstants.KEY, prefix + "/single.bin", IbmCosConstants.ASPERA_LOCAL_PATH,
                back.toString()), null);
        assertThat(sha256(back)).isEqualTo(sha256(file));

        ok("asperaUpload", Map.of(IbmCosConstants.KEY, prefix + "/tree", IbmCosConstants.ASPERA_LOCAL_PATH,
                tmp.resolve("up").toString()), null);
        Path copy = tmp.resolve("copy");
        ok("asperaDownload", Map.of(IbmCosConstants.KEY, prefix + "/tree/", IbmCosConstants.ASPERA_LOCAL_PATH,
                copy.toString()), null);
        assertThat(sha256(copy.resolve("big.bin"))).isEqualTo(sha256(file));
        assertThat(Files.readString(copy.resolve("sub/small.txt"))).isEqualTo("hello aspera");

        ok("deleteObjects", Map.of(IbmCosConstants.KEYS_TO_DELETE, java.util.List.of(prefix + "/single.bin",
                prefix + "/tree/big.bin", prefix + "/tree/sub/small.txt")), null);
    }
}
