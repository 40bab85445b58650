package io.ibmcos.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.cloud.objectstorage.oauth.DelegateTokenProvider;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3;
import com.ibm.cloud.objectstorage.services.s3.model.FASPConnectionInfo;
import io.ibmcos.emulator.CosEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Aspera control plane of the emulator, driven by IBM's own Java SDK where it can run without its proprietary
 * native library (connection info, delegated token) and by raw HTTP in IBM's shapes for ATS and the data path.
 */
class AsperaStandInIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CosEmulator cos;
    private static RawCos raw;

    @BeforeAll
    static void start() throws Exception {
        cos = CosEmulator.builder().start();
        raw = new RawCos(cos);
        assertThat(raw.request("PUT", "/aspera-bucket", null, "ibm-service-instance-id", cos.serviceInstanceId()).statusCode()).isEqualTo(200);
        assertThat(raw.request("PUT", "/protected-bucket", null, "ibm-service-instance-id",
                cos.serviceInstanceId()).statusCode()).isEqualTo(200);
        assertThat(raw.putProtection("protected-bucket", 1, 1, 2).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        cos.close();
    }

    @Test
    void ibmSdkReadsConnectionInfoAndItsDelegatedTokenWorksForTheAtsSetup() throws Exception {
        // IBM's AsperaTransferManager needs the proprietary faspmanager2 library, so its own setup call cannot run
        // here; its S3 client call and its delegated-token provider can, and the setup is sent as it sends it
        AmazonS3 s3 = IbmSdk.iam(cos);
        FASPConnectionInfo info = s3.getBucketFaspConnectionInfo("aspera-bucket");
        assertThat(info.getAtsEndpoint()).isEqualTo(cos.endpoint() + "/_aspera");
        assertThat(info.getAccessKeyId()).startsWith("ats-");
        assertThat(info.getAccessKeySecret()).isNotBlank();
        String delegated = new DelegateTokenProvider(cos.apiKey()).withIamEndpoint(cos.iamEndpoint().toString())
                .retrieveToken().getDelegated_refresh_token();
        assertThat(delegated).isNotBlank();

        // IBM's SDK labels its JSON body application/x-www-form-urlencoded: the stand-in must accept it
        String body = "{\"transfer_requests\":[{\"transfer_request\":{\"paths\":[{\"source\":\"/tmp/local.bin\","
                + "\"destination\":\"dir/object.bin\"}],\"destination_root\":\"\",\"remote_host\":\"127.0.0.1\","
                + "\"tags\":{\"aspera\":{\"node\":{\"storage_credentials\":{\"type\":\"token\",\"token\":"
                + "{\"delegated_refresh_token\":\"" + delegated + "\"}}}}}}}]}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(info.getAtsEndpoint() + "/files/upload_setup"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((info.getAccessKeyId() + ":"
                        + info.getAccessKeySecret()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Aspera-Storage-Credentials", "{\"type\": \"token\", \"token\" : {\"delegated_refresh_token\":\""
                        + delegated + "\"}}")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode spec = JSON.readTree(r.body()).at("/transfer_specs/0/transfer_spec");
        assertThat(spec.get("direction").asText()).isEqualTo("send");
        assertThat(spec.get("remote_host").asText()).isEqualTo("127.0.0.1");
        assertThat(spec.get("remote_user").asText()).isEqualTo("xfer");
        assertThat(spec.get("ssh_port").asInt()).isEqualTo(cos.port());
        assertThat(spec.get("token").asText()).startsWith("AT").endsWith("TA");
        assertThat(spec.at("/paths/0/destination").asText()).isEqualTo("dir/object.bin");
        assertThat(spec.at("/tags/aspera/node/storage_credentials/type").asText()).isEqualTo("token");
        assertThat(spec.get("cipher").asText()).isEqualTo("aes-128");

        assertThat(cos.stats().count("GetFaspConnectionInfo")).isGreaterThanOrEqualTo(1);
        assertThat(cos.stats().count("IamDelegatedToken")).isGreaterThanOrEqualTo(1);
        assertThat(cos.stats().count("AtsUploadSetup")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void setupChecksBasicAuthAndStorageCredentialsWithAtsErrorShapes() throws Exception {
        JsonNode info = connectionInfo("aspera-bucket");
        String body = "{\"transfer_requests\":[{\"transfer_request\":{\"paths\":[{\"source\":\"/x\",\"destination\":\"k\"}]}}]}";

        HttpResponse<String> wrongKey = setup("upload_setup", "nobody", "nothing", delegatedToken(), body);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongKey.body()).path("error").path("reason").asText()).isEqualTo("Unauthorized");

        HttpResponse<String> noCredentials = setup("upload_setup", info.get("id").asText(), info.get("secret").asText(),
                null, body);
        assertThat(noCredentials.statusCode()).isEqualTo(400);
        assertThat(noCredentials.body()).contains("X-Aspera-Storage-Credentials");

        HttpResponse<String> badToken = setup("upload_setup", info.get("id").asText(), info.get("secret").asText(),
                "not-a-delegated-token", body);
        assertThat(badToken.statusCode()).isEqualTo(401);

        HttpResponse<String> missing = setup("download_setup", info.get("id").asText(), info.get("secret").asText(),
                delegatedToken(), "{\"transfer_requests\":[{\"transfer_request\":{\"paths\":[{\"source\":\"absent\","
                        + "\"destination\":\"/tmp/x\"}]}}]}");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(missing.body()).at("/transfer_specs/0/transfer_spec/error/code").asInt()).isEqualTo(404);
    }

    @Test
    void transferTokensAreBoundToBucketDirectionAndPaths() throws Exception {
        JsonNode info = connectionInfo("aspera-bucket");
        HttpResponse<String> ok = setup("upload_setup", info.get("id").asText(), info.get("secret").asText(),
                delegatedToken(), "{\"transfer_requests\":[{\"transfer_request\":{\"paths\":[{\"source\":\"/l\","
                        + "\"destination\":\"allowed/dir\"}],\"tags\":{\"aspera\":{\"x\":1}}}}]}");
        JsonNode spec = JSON.readTree(ok.body()).at("/transfer_specs/0/transfer_spec");
        assertThat(spec.at("/tags/aspera/x").asInt()).isEqualTo(1);
        String token = spec.get("token").asText();

        assertThat(data("PUT", "/_aspera/data/aspera-bucket/allowed/dir/a.txt", token, "hello").statusCode())
                .isEqualTo(200);
        assertThat(raw.get("/aspera-bucket/allowed/dir/a.txt").body()).isEqualTo("hello");
        assertThat(data("PUT", "/_aspera/data/aspera-bucket/elsewhere.txt", token, "x").statusCode()).isEqualTo(403);
        assertThat(data("GET", "/_aspera/data/aspera-bucket/allowed/dir/a.txt", token, null).statusCode())
                .isEqualTo(403); // an upload token cannot read
        assertThat(data("PUT", "/_aspera/data/aspera-bucket/allowed/dir/b.txt", "ATforgedTA", "x").statusCode())
                .isEqualTo(403);
        HttpResponse<String> session = data("GET", "/_aspera/session", token, null);
        assertThat(session.body()).contains("bucket: aspera-bucket", "direction: send", "root: allowed%2Fdir");
        assertThat(raw.get("/aspera-bucket/allowed/dir/b.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void protectedBucketsAreRefusedByAts() throws Exception {
        JsonNode info = connectionInfo("protected-bucket");
        HttpResponse<String> r = setup("upload_setup", info.get("id").asText(), info.get("secret").asText(),
                delegatedToken(), "{\"transfer_requests\":[{\"transfer_request\":{\"paths\":[{\"source\":\"/l\","
                        + "\"destination\":\"k\"}]}}]}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("protection configuration");
    }

    private static JsonNode connectionInfo(String bucket) throws Exception {
        String xml = raw.get("/" + bucket + "?faspConnectionInfo").body();
        String id = between(xml, "<Id>", "</Id>");
        String secret = between(xml, "<Secret>", "</Secret>");
        return JSON.createObjectNode().put("id", id).put("secret", secret);
    }

    private static String between(String s, String a, String b) {
        int i = s.indexOf(a) + a.length();
        return s.substring(i, s.indexOf(b, i));
    }

    private static String delegatedToken() throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(cos.iamEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey="
                        + cos.apiKey() + "&response_type=delegated_refresh_token&receiver_client_ids=aspera_ats"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).get("delegated_refresh_token").asText();
    }

    private static HttpResponse<String> setup(String op, String id, String secret, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cos.endpoint() + "/_aspera/files/" + op))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Aspera-Storage-Credentials", "{\"type\":\"token\",\"token\":{\"delegated_refresh_token\":\""
                    + token + "\"}}");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> data(String method, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cos.endpoint() + path))
                .header("X-Aspera-Transfer-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
