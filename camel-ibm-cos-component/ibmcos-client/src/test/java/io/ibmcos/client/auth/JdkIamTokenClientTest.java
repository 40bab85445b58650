package io.ibmcos.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ibmcos.client.error.IamAuthenticationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real HTTP path: JdkIamTokenClient against a tiny IAM on the loopback interface. */
class JdkIamTokenClientTest {

    private static final String API_KEY = "api key+with/odd=chars&";

    private HttpServer server;
    private final Map<String, String> lastForm = new ConcurrentHashMap<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = "{\"access_token\":\"jwt-from-server\",\"refresh_token\":\"not_supported\","
            + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"expiration\":4102444800}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/identity/token", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        lastHeaders.clear();
        lastHeaders.put("method", exchange.getRequestMethod());
        exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastForm.clear();
        lastForm.putAll(parseForm(form));
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private static Map<String, String> parseForm(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private IamTokenManager manager() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/identity/token");
        return new IamTokenManager(new IamCredentials(API_KEY, null, url), new JdkIamTokenClient(), Clock.systemUTC());
    }

    @Test
    void postsTheApiKeyGrantAsAFormWithIbmHeaders() {
        assertThat(manager().accessToken()).isEqualTo("jwt-from-server");

        assertThat(lastHeaders).containsEntry("method", "POST")
                .containsEntry("content-type", "application/x-www-form-urlencoded")
                .containsEntry("accept", "application/json")
                .containsEntry("authorization", "Basic Yng6Yng=")
                .containsEntry("cache-control", "no-cache");
        assertThat(lastForm).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "urn:ibm:params:oauth:grant-type:apikey",
                "apikey", API_KEY,
                "response_type", "cloud_iam"));
    }

    @Test
    void errorBodyOverHttpBecomesAnAuthenticationExceptionWithoutRetry() {
        status = 400;
        body = "{\"errorCode\":\"BXNIM0415E\",\"errorMessage\":\"Provided API key could not be found\"}";

        assertThatThrownBy(() -> manager().accessToken())
                .isInstanceOfSatisfying(IamAuthenticationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("BXNIM0415E");
                    assertThat(e.getMessage()).doesNotContain(API_KEY);
                });
        assertThat(requests.get()).isEqualTo(1);
    }
}
