package io.ibmcos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ibmcos.camel.producer.HeaderPolicy;
import io.ibmcos.camel.support.IbmCosTestSupport;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Headers from an untrusted caller (here: whatever a caller of direct:upload puts on the message, as an HTTP or JMS
 * consumer would) cannot change the operation or the bucket of an endpoint that did not opt in, whatever the case
 * of the header name.
 */
class IbmCosHeaderInjectionTest extends IbmCosTestSupport {

    private static final String OTHER = "other-bucket";
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void captureWarnings() {
        fake.withBucket(OTHER);
        warnings.start();
        ((Logger) LoggerFactory.getLogger(HeaderPolicy.class)).addAppender(warnings);
    }

    @AfterEach
    void releaseWarnings() {
        ((Logger) LoggerFactory.getLogger(HeaderPolicy.class)).detachAppender(warnings);
    }

    @Test
    void aMixedCaseDestructiveOperationHeaderDeletesNothing() {
        putText("keep.txt", "data");
        Exception e = sendFail("ibmcos:" + BUCKET + "?keyName=keep.txt", "x",
                Map.of("CAMELIBMCOSOPERATION", "deleteBucket"));
        assertThat(e).hasMessageContaining("allowDestructiveOperationOverride");
        e = sendFail("ibmcos:" + BUCKET + "?keyName=keep.txt", "x", Map.of("camelIbmCosOperation", "deleteObject"));
        assertThat(e).hasMessageContaining("allowDestructiveOperationOverride");
        assertThat(text("keep.txt")).isEqualTo("data");
        assertThat(recorder.requests()).isZero();
    }

    @Test
    void aReadOperationHeaderCannotTurnAnUploadIntoADownload() {
        putText("secret.txt", "confidential");
        Exception e = sendFail("ibmcos:" + BUCKET + "?keyName=upload.txt", "x",
                Map.of("CamelIbmCosOperation", "getObject", "CamelIbmCosKey", "secret.txt"));
        assertThat(e).hasMessageContaining("CamelIbmCosOperation").hasMessageContaining("allowOperationOverride");
        assertThat(recorder.requests()).as("neither read nor overwritten").isZero();
        assertThat(text("secret.txt")).isEqualTo("confidential");
    }

    @Test
    void theEndpointsOwnOperationInTheHeaderIsHarmless() {
        sendOk("ibmcos:" + BUCKET + "?keyName=a.txt", "x", Map.of("CamelIbmCosOperation", "putObject"));
        assertThat(text("a.txt")).isEqualTo("x");
    }

    @Test
    void aBucketHeaderIsIgnoredWithOneWarningUnlessAllowed() {
        for (int i = 0; i < 3; i++) {
            sendOk("ibmcos:" + BUCKET, "v" + i, Map.of("CAMELIBMCOSBUCKETNAME", OTHER, "CamelIbmCosKey", "k" + i));
        }
        assertThat(text("k0")).isEqualTo("v0");
        assertThat(fake.object(OTHER, "k0")).as("the header did not redirect the write").isNull();
        assertThat(warnings.list).filteredOn(ev -> ev.getLevel() == Level.WARN).singleElement()
                .satisfies(ev -> assertThat(ev.getFormattedMessage()).contains("CamelIbmCosBucketName")
                        .contains("allowBucketOverride=true"));

        sendOk("ibmcos:" + BUCKET + "?keyName=k9&allowBucketOverride=true", "v9",
                Map.of("CamelIbmCosBucketName", OTHER));
        assertThat(new String(fake.object(OTHER, "k9").data)).isEqualTo("v9");
    }

    @Test
    void aCopyDestinationBucketHeaderNeedsTheOptInToo() {
        putText("src.txt", "s");
        sendOk("ibmcos:" + BUCKET + "?operation=copyObject&keyName=src.txt", null,
                Map.of(IbmCosConstants.DESTINATION_BUCKET_NAME, OTHER, IbmCosConstants.DESTINATION_KEY, "dst.txt"));
        assertThat(fake.object(OTHER, "dst.txt")).isNull();
        assertThat(text("dst.txt")).as("copied within the endpoint's bucket").isEqualTo("s");
    }

    @Test
    void aConsumerToProducerRouteWritesToTheProducersBucketNotBackToTheSource() throws Exception {
        putText("in.txt", "payload");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ibmcos:" + BUCKET + "?startScheduler=false").routeId("copy").to("ibmcos:" + OTHER);
            }
        });
        ((IbmCosConsumer) context.getRoute("copy").getConsumer()).run();
        assertThat(new String(fake.object(OTHER, "in.txt").data)).isEqualTo("payload");
    }

    @Test
    void headersNamingCredentialsOrEndpointsAreNotOptions() {
        Exchange e = sendOk("ibmcos:" + BUCKET + "?keyName=c.txt", "x", Map.of("CamelIbmCosApiKey", "attacker",
                "CamelIbmCosSecretKey", "attacker", "CamelIbmCosEndpointUrl", "http://169.254.169.254/"));
        assertThat(e.getException()).isNull();
        assertThat(recorder.count("putObject")).isOne();
        assertThat(recorder.calls()).allSatisfy(c -> assertThat(c.args().get(0).toString()).contains(BUCKET));
        assertThat(IbmCosConstants.class.getFields()).extracting(f -> String.valueOf(f.get(null)))
                .as("no header carries credentials or an endpoint")
                .noneMatch(n -> n.contains("ApiKey") || n.contains("AccessKey") || n.contains("SecretKey")
                        || n.contains("Endpoint") || n.contains("Token") && !n.contains("ContinuationToken"));
    }
}
