package io.ibmcos.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.GetObjectRequest;
import io.ibmcos.client.model.GetObjectResponse;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PresignRequest;
import io.ibmcos.client.model.PutObjectRequest;
import io.ibmcos.emulator.CosEmulator;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator refuses what a hostile or broken client sends: keys that look like paths stay objects inside the data
 * dir, oversized headers and bodies are refused before they are read, SigV4 requests outside the 15-minute window
 * and expired presigned URLs are refused.
 */
class EmulatorHardeningIT {

    @TempDir
    Path root;

    @Test
    void traversalKeysStayObjectsInsideTheDataDir() throws Exception {
        Path data = root.resolve("data");
        List<String> keys = List.of("../../x", "a/../../../etc/passwd", "/abs", "..\\x", "../", "file..txt");
        try (CosEmulator emulator = Campaign.emulator().dataDir(data).start();
                DefaultCosClient client = Campaign.client(emulator)) {
            client.createBucket(CreateBucketRequest.of("hardening"));
            for (String key : keys) {
                client.putObject(PutObjectRequest.of("hardening", key, Payload.ofBytes(key.getBytes())));
            }
        }
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top).as("nothing written next to the data dir").containsExactly(data);
        }
        try (Stream<Path> all = Files.walk(data)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .as("no file named after a key segment").doesNotContain("x", "passwd", "abs", "..\\x");
        }
        // a restart reads the same objects back, under their exact keys
        try (CosEmulator emulator = Campaign.emulator().dataDir(data).start();
                DefaultCosClient client = Campaign.client(emulator)) {
            for (String key : keys) {
                try (GetObjectResponse got = client.getObject(GetObjectRequest.of("hardening", key))) {
                    assertThat(new String(got.content().readAllBytes())).isEqualTo(key);
                }
            }
        }
    }

    @Test
    void oversizedHeadersAndBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        try (CosEmulator emulator = Campaign.emulator().start();
                DefaultCosClient client = Campaign.client(emulator)) {
            client.createBucket(CreateBucketRequest.of("hardening"));
            String token = token(emulator);
            // 100 KiB of header: over the server's 64 KiB limit
            String big = rawRequest(emulator, "GET /hardening/k HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                    + "a".repeat(100 * 1024) + "\r\n\r\n");
            assertThat(big).startsWith("HTTP/1.1 4");
            // 6 GiB declared for one PUT: refused instead of 100 Continue, no byte of it read
            String huge = rawRequest(emulator, "PUT /hardening/huge HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + 6L * 1024 * 1024 * 1024
                    + "\r\nExpect: 100-continue\r\n\r\n");
            assertThat(huge).startsWith("HTTP/1.1 400").contains("EntityTooLarge");
            // and the server still serves
            client.putObject(PutObjectRequest.of("hardening", "after", Payload.ofBytes(new byte[10])));
        }
    }

    @Test
    void sigV4OutsideTheFifteenMinuteWindowIsRefused() {
        try (CosEmulator emulator = Campaign.emulator().start();
                DefaultCosClient client = Campaign.client(emulator);
                DefaultCosClient late = skewed(emulator, Duration.ofMinutes(-16));
                DefaultCosClient early = skewed(emulator, Duration.ofMinutes(16));
                DefaultCosClient within = skewed(emulator, Duration.ofMinutes(-14))) {
            client.createBucket(CreateBucketRequest.of("hardening"));
            for (DefaultCosClient outside : List.of(late, early)) {
                // a GET, not a HEAD: HEAD errors have no body to carry the error code
                assertThatThrownBy(outside::listBuckets).isInstanceOf(CosServiceException.class)
                        .satisfies(e -> assertThat(((CosServiceException) e).errorCode())
                                .isEqualTo("RequestTimeTooSkewed"));
            }
            assertThat(within.listBuckets().buckets()).isNotEmpty();
        }
    }

    @Test
    void expiredPresignedUrlsAreRefused() throws Exception {
        try (CosEmulator emulator = Campaign.emulator().start();
                DefaultCosClient client = Campaign.client(emulator)) {
            client.createBucket(CreateBucketRequest.of("hardening"));
            client.putObject(PutObjectRequest.of("hardening", "p", Payload.ofBytes("x".getBytes())));
            URI shortLived = client.createPresignedUrl(new PresignRequest(PresignRequest.Method.GET, "hardening", "p",
                    Duration.ofSeconds(1)));
            URI valid = client.createPresignedUrl(new PresignRequest(PresignRequest.Method.GET, "hardening", "p",
                    Duration.ofMinutes(5)));
            Thread.sleep(2100);
            assertThat(status(shortLived)).isEqualTo(403);
            assertThat(status(valid)).isEqualTo(200);
        }
    }

    private static DefaultCosClient skewed(CosEmulator emulator, Duration offset) {
        return new DefaultCosClient(CosClientConfig.builder().endpoint(emulator.endpoint())
                .credentials(new HmacCredentials(Campaign.ACCESS_KEY, Campaign.SECRET_KEY))
                .clock(Clock.offset(Clock.systemUTC(), offset)).build());
    }

    private static int status(URI url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    private static String token(CosEmulator emulator) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.iamEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey="
                        + Campaign.API_KEY)).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        int start = body.indexOf("\"access_token\"");
        int open = body.indexOf('"', body.indexOf(':', start) + 1);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }

    /** Sends raw bytes and returns what the server answers before it closes (or 2 s pass). */
    private static String rawRequest(CosEmulator emulator, String request) throws Exception {
        try (Socket s = new Socket(emulator.endpoint().getHost(), emulator.endpoint().getPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (java.io.IOException e) {
                // the server may close while we still write an oversized header; its answer is what counts
            }
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        }
    }
}
