package io.ibmcos.camel.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosConsumer;
import io.ibmcos.camel.support.FakeCosClient;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The {@code ibmcos:application-cloudevents} data type is found by name the way Camel K's data-type-action and a
 * Pipe's {@code dataTypes} find it (the transformer resolver reads the generated META-INF/services entry), and it
 * describes the consumed object. The messages come from the real consumer over the in-memory fake client.
 */
class IbmCosCloudEventDataTypeTransformerTest extends CamelTestSupport {

    private final FakeCosClient fake = new FakeCosClient().withBucket("events");

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("cosClient", fake);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("ibmcos:events?startScheduler=false").routeId("consumer")
                        .transformDataType(new DataType("ibmcos:application-cloudevents"))
                        .to("mock:events");
                from("direct:plain").transformDataType(new DataType("ibmcos:application-cloudevents")).to("mock:plain");
            }
        };
    }

    @Test
    void consumedObjectBecomesCloudEvent() throws Exception {
        fake.putObject(PutObjectRequest.of("events", "in/report.csv",
                Payload.ofBytes("a,b\n".getBytes(StandardCharsets.UTF_8)))
                .withHeaders(ObjectHeaders.builder().contentType("text/csv").build()));
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);

        ((IbmCosConsumer) context.getRoute("consumer").getConsumer()).run();

        mock.assertIsSatisfied();
        Message m = mock.getReceivedExchanges().get(0).getMessage();
        String eTag = m.getHeader("CamelIbmCosETag", String.class);
        assertThat(eTag).isNotBlank();
        assertThat(m.getHeader("CamelCloudEventID")).isEqualTo("in/report.csv@" + eTag);
        assertThat(m.getHeader("CamelCloudEventVersion")).isEqualTo("1.0");
        assertThat(m.getHeader("CamelCloudEventType")).isEqualTo("io.ibmcos.object.consumed");
        assertThat(m.getHeader("CamelCloudEventSource")).isEqualTo("ibmcos.bucket.events");
        assertThat(m.getHeader("CamelCloudEventSubject")).isEqualTo("in/report.csv");
        Instant modified = m.getHeader("CamelIbmCosLastModified", Instant.class);
        assertThat(m.getHeader("CamelCloudEventTime")).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(modified));
        assertThat(m.getHeader("CamelCloudEventDataContentType")).isEqualTo("text/csv");
        assertThat(m.getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/csv");
        assertThat(m.getBody(String.class)).isEqualTo("a,b\n");
    }

    @Test
    void withoutObjectHeadersDefaultsApplyAndUpstreamIdIsKept() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:plain");
        mock.expectedMessageCount(2);

        Exchange bare = template.send("direct:plain", e -> e.getMessage().setBody("x"));
        template.send("direct:plain", e -> {
            e.getMessage().setHeader("CamelCloudEventID", "upstream-id");
            e.getMessage().setHeader("CamelIbmCosKey", "k");
            e.getMessage().setHeader("CamelIbmCosETag", "e1");
        });

        mock.assertIsSatisfied();
        Message first = mock.getReceivedExchanges().get(0).getMessage();
        assertThat(first.getHeader("CamelCloudEventID")).isEqualTo(bare.getExchangeId());
        assertThat(first.getHeader("CamelCloudEventDataContentType")).isEqualTo("application/octet-stream");
        assertThat(first.getHeaders()).doesNotContainKeys("CamelCloudEventSource", "CamelCloudEventSubject");
        assertThat(first.getHeader("CamelCloudEventTime", String.class)).isNotBlank();
        assertThat(mock.getReceivedExchanges().get(1).getMessage().getHeader("CamelCloudEventID"))
                .isEqualTo("upstream-id");
    }
}
