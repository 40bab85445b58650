package io.ibmcos.reliability;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.ListMultipartUploadsRequest;
import io.ibmcos.client.model.MultipartUploadSummary;
import io.ibmcos.emulator.CosEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Sizes, seeds, emulator credentials and the campaign report shared by the reliability ITs. */
final class Campaign {

    static final String API_KEY = "reliability-api-key";
    static final String INSTANCE = "reliability-instance";
    static final String ACCESS_KEY = "reliability-access";
    static final String SECRET_KEY = "reliability+secret/key";

    private Campaign() {
    }

    static int size(String name, int ciDefault) {
        return Integer.getInteger("reliability." + name, ciDefault);
    }

    static long seed() {
        return Long.getLong("reliability.seed", 12);
    }

    static CosEmulator.Builder emulator() {
        return CosEmulator.builder().port(0).apiKey(API_KEY).serviceInstanceId(INSTANCE)
                .hmacCredentials(ACCESS_KEY, SECRET_KEY);
    }

    /** Endpoint options for IAM (API key) against the emulator. */
    static String iamOptions(CosEmulator emulator) {
        return "endpointUrl=" + emulator.endpoint() + "&apiKey=RAW(" + API_KEY + ")&serviceInstanceId=" + INSTANCE
                + "&iamEndpoint=" + emulator.iamEndpoint();
    }

    /** Endpoint options for HMAC against the emulator. */
    static String hmacOptions(CosEmulator emulator) {
        return "endpointUrl=" + emulator.endpoint() + "&accessKey=" + ACCESS_KEY + "&secretKey=RAW(" + SECRET_KEY
                + ")";
    }

    /** A client the test uses to set up and verify, outside the routes under test. */
    static DefaultCosClient client(CosEmulator emulator) {
        return new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(ACCESS_KEY, SECRET_KEY)).build());
    }

    static List<MultipartUploadSummary> openUploads(DefaultCosClient client, String bucket) {
        return client.listMultipartUploads(ListMultipartUploadsRequest.of(bucket)).uploads();
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[256 * 1024];
        for (int n; (n = in.read(buf)) > 0;) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends a section to target/reliability-report/campaign.txt and prints it, so CI logs show the figures. */
    static synchronized void report(String section, String text) {
        String block = "== " + section + "\n" + text.strip() + "\n\n";
        System.out.print(block);
        Path dir = Path.of(System.getProperty("reliability.reportDir", "target/reliability-report"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("campaign.txt"), block, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
