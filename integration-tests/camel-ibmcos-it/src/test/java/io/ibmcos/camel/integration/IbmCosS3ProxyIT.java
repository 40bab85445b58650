package io.ibmcos.camel.integration;

import static io.ibmcos.camel.IbmCosOperation.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.IbmCosOperation;
import io.ibmcos.client.error.CosServiceException;
import io.ibmcos.client.model.Bucket;
import io.ibmcos.client.model.ObjectSummary;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every standard-S3 operation through a real route against S3Proxy 2.6.0, an independent S3 server that verifies
 * SigV4: proof that the component speaks S3 and not only our emulator's dialect. (Legal holds, retention, protection
 * configuration, Key Protect and the extended bucket listing are IBM-only and tested against the emulator.)
 */
class IbmCosS3ProxyIT extends CamelTestSupport {

    private static CosServers.S3ProxyServer s3proxy;

    @BeforeAll
    static void start() throws Exception {
        s3proxy = new CosServers.S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        s3proxy.close();
    }

    private static String options() {
        return "endpointUrl=" + s3proxy.endpoint() + "&accessKey=" + CosServers.S3PROXY_ACCESS_KEY + "&secretKey=RAW("
                + CosServers.S3PROXY_SECRET_KEY + ")";
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:s3").to("ibmcos:default?allowDestructiveOperationOverride=true&allowBucketOverride=true&" + options())
                        .process(IbmCosEmulatorITSupport::readDownload);
            }
        };
    }

    private Exchange call(IbmCosOperation operation, String bucket, Object body, Object... headerPairs) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(IbmCosConstants.OPERATION, operation);
        headers.put(IbmCosConstants.BUCKET_NAME, bucket);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put((String) headerPairs[i], headerPairs[i + 1]);
        }
        return template.send("direct:s3", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(headers);
        });
    }

    private Exchange ok(IbmCosOperation operation, String bucket, Object body, Object... headerPairs) {
        Exchange e = call(operation, bucket, body, headerPairs);
        if (e.getException() != null) {
            throw new AssertionError(operation + " failed: " + e.getException(), e.getException());
        }
        return e;
    }

    @Test
    void everyStandardOperation() throws Exception {
        String bucket = "s3proxy-ops";
        assertThat(ok(headBucket, bucket, null).getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS)).isEqualTo(false);
        ok(createBucket, bucket, null);
        assertThat(ok(headBucket, bucket, null).getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS)).isEqualTo(true);
        assertThat(ok(listBuckets, bucket, null).getMessage().getBody(List.class)).extracting(b -> ((Bucket) b).name())
                .contains(bucket);

        ok(putObject, bucket, "S3Proxy says hi", IbmCosConstants.KEY, "a.txt", IbmCosConstants.CONTENT_TYPE,
                "text/plain", IbmCosConstants.METADATA, Map.of("origin", "camel"));
        Exchange head = ok(headObject, bucket, null, IbmCosConstants.KEY, "a.txt");
        assertThat(head.getMessage().getHeader(IbmCosConstants.CONTENT_LENGTH)).isEqualTo(15L);
        assertThat(head.getMessage().getHeader(IbmCosConstants.METADATA)).isEqualTo(Map.of("origin", "camel"));
        assertThat(ok(getObject, bucket, null, IbmCosConstants.KEY, "a.txt").getMessage().getBody(String.class))
                .isEqualTo("S3Proxy says hi");
        assertThat(ok(getObjectRange, bucket, null, IbmCosConstants.KEY, "a.txt", IbmCosConstants.RANGE_START, 0L,
                IbmCosConstants.RANGE_END, 6L).getMessage().getBody(String.class)).isEqualTo("S3Proxy");

        ok(copyObject, bucket, null, IbmCosConstants.KEY, "a.txt", IbmCosConstants.DESTINATION_KEY, "b.txt");
        ok(updateMetadata, bucket, null, IbmCosConstants.KEY, "b.txt", IbmCosConstants.METADATA, Map.of("v", "2"),
                IbmCosConstants.CONTENT_TYPE, "text/plain");
        assertThat(ok(headObject, bucket, null, IbmCosConstants.KEY, "b.txt").getMessage()
                .getHeader(IbmCosConstants.METADATA)).isEqualTo(Map.of("v", "2"));

        Exchange page = ok(listObjects, bucket, null, IbmCosConstants.MAX_KEYS, 1);
        assertThat(keys(page)).containsExactly("a.txt");
        assertThat(page.getMessage().getHeader(IbmCosConstants.IS_TRUNCATED)).isEqualTo(true);
        Exchange rest = ok(listObjects, bucket, null, IbmCosConstants.MAX_KEYS, 1, IbmCosConstants.CONTINUATION_TOKEN,
                page.getMessage().getHeader(IbmCosConstants.CONTINUATION_TOKEN));
        assertThat(keys(rest)).containsExactly("b.txt");

        String url = ok(createPresignedUrl, bucket, null, IbmCosConstants.KEY, "a.txt").getMessage()
                .getBody(String.class);
        HttpResponse<String> viaUrl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaUrl.statusCode()).isEqualTo(200);
        assertThat(viaUrl.body()).isEqualTo("S3Proxy says hi");

        ok(deleteObject, bucket, null, IbmCosConstants.KEY, "a.txt");
        Exception missing = call(headObject, bucket, null, IbmCosConstants.KEY, "a.txt").getException();
        assertThat(missing).isInstanceOf(CosServiceException.class);
        assertThat(((CosServiceException) missing).statusCode()).isEqualTo(404);

        ok(deleteObjects, bucket, List.of("b.txt"));
        assertThat(keys(ok(listObjects, bucket, null))).isEmpty();
        ok(deleteBucket, bucket, null);
        assertThat(ok(headBucket, bucket, null).getMessage().getHeader(IbmCosConstants.BUCKET_EXISTS)).isEqualTo(false);
    }

    @Test
    void unknownLengthStreamAsMultipart() {
        String bucket = "s3proxy-multipart";
        ok(createBucket, bucket, null);
        byte[] data = new byte[9 * 1024 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        Exchange put = template.send("ibmcos:" + bucket + "?keyName=big.bin&partSize=5242880&" + options(),
                e -> e.getMessage().setBody(new ByteArrayInputStream(data)));
        assertThat(put.getException()).isNull();
        assertThat(put.getMessage().getHeader(IbmCosConstants.PART_COUNT)).isEqualTo(2);
        assertThat(ok(getObject, bucket, null, IbmCosConstants.KEY, "big.bin").getMessage().getBody(byte[].class))
                .isEqualTo(data);
    }

    private static List<String> keys(Exchange e) {
        return ((List<?>) e.getMessage().getBody(List.class)).stream().map(o -> ((ObjectSummary) o).key()).toList();
    }
}
