package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.CosClientConfig;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.auth.HmacCredentials;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer's basic flow against S3Proxy 2.6.0 (an independent S3 server verifying SigV4), on the real scheduler:
 * proof that listing with continuation tokens, the lazy GET and the (key, ETag) tracking are not emulator-specific.
 */
class IbmCosConsumerS3ProxyIT extends CamelTestSupport {

    private static final String BUCKET = "consumer-s3proxy";
    private static CosServers.S3ProxyServer s3proxy;
    private static DefaultCosClient client;

    @BeforeAll
    static void start() throws Exception {
        s3proxy = new CosServers.S3ProxyServer();
        client = new DefaultCosClient(CosClientConfig.builder().endpoint(s3proxy.endpoint())
                .credentials(new HmacCredentials(CosServers.S3PROXY_ACCESS_KEY, CosServers.S3PROXY_SECRET_KEY))
                .build());
        client.createBucket(CreateBucketRequest.of(BUCKET));
        for (int i = 0; i < 7; i++) {
            put("k" + i, "v" + i);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        s3proxy.close();
    }

    private static void put(String key, String text) {
        client.putObject(PutObjectRequest.of(BUCKET, key, Payload.ofBytes(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the endpoint builds its own client from the URI credentials (RAW secret), as a user's route would;
                // 3 per page, so 7 objects take several pages and continuation tokens
                from("ibmcos:" + BUCKET + "?delay=50&initialDelay=0&maxMessagesPerPoll=3&endpointUrl="
                        + s3proxy.endpoint() + "&accessKey=" + CosServers.S3PROXY_ACCESS_KEY + "&secretKey=RAW("
                        + CosServers.S3PROXY_SECRET_KEY + ")")
                        .convertBodyTo(String.class).to("mock:objects");
            }
        };
    }

    @Test
    void newObjectsOnceThenAChangedObjectOnceMore() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:objects");
        mock.expectedMessageCount(7);
        mock.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        assertThat(mock.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(IbmCosConstants.KEY))
                .containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4", "k5", "k6");
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("v0");

        mock.reset();
        put("k4", "changed");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("changed");
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getHeader(IbmCosConstants.KEY)).isEqualTo("k4");

        // five more polls (bounded wait) bring nothing else
        long pollsBefore = pollCount();
        for (int i = 0; i < 1500 && pollCount() < pollsBefore + 5; i++) {
            Thread.sleep(20);
        }
        assertThat(pollCount()).isGreaterThanOrEqualTo(pollsBefore + 5);
        assertThat(mock.getReceivedCounter()).isEqualTo(1);
    }

    /** Polls run so far by the scheduler. */
    private long pollCount() {
        return ((io.ibmcos.camel.IbmCosConsumer) context.getRoutes().get(0).getConsumer()).getCounter();
    }
}
