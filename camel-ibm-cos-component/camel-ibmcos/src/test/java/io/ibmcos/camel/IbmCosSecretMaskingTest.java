package io.ibmcos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ibmcos.camel.support.FakeCosClient;
import io.ibmcos.client.auth.CredentialsChain;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Secrets never show: with every logger at DEBUG while endpoints are created, started, used and stopped, no API key
 * or HMAC secret appears in any log line, in endpoint toString() or in the endpoint URI. The secrets contain the
 * characters that break naive URI handling (+ / = &amp; %), passed with RAW(...).
 */
class IbmCosSecretMaskingTest extends CamelTestSupport {

    private static final String API_KEY = "Ap1+Key/With=Odd&Chars%2Fzz";
    private static final String SECRET_KEY = "S3cret+Key/=&%41xyz";
    private static final String ACCESS_KEY = "visible-access-key-id";

    @TempDir
    Path home;

    private final FakeCosClient fake = new FakeCosClient().withBucket("bkt");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("fake", fake);
    }

    @BeforeEach
    void captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
        context.getComponent("ibmcos", IbmCosComponent.class).useCredentialsChain(new CredentialsChain(Map.of(), home));
    }

    @AfterEach
    void restoreLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(previousLevel);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put").routeId("masking")
                        .to("ibmcos:bkt?cosClient=#fake&keyName=k&apiKey=RAW(" + API_KEY + ")&accessKey=" + ACCESS_KEY
                            + "&secretKey=RAW(" + SECRET_KEY + ")&credentialType=HMAC")
                        .log("sent to ${header.CamelIbmCosKey}");
            }
        };
    }

    @Test
    void noSecretInLogsToStringOrUri() throws Exception {
        Endpoint iam = context.getEndpoint("ibmcos:bkt?endpointUrl=http://127.0.0.1:9&apiKey=RAW(" + API_KEY + ")");
        Endpoint hmac = context.getEndpoint("ibmcos:bkt?endpointUrl=http://127.0.0.1:9&accessKey=" + ACCESS_KEY
                + "&secretKey=RAW(" + SECRET_KEY + ")");
        iam.start();
        hmac.start();
        Exchange e = template.send("direct:put", x -> x.getMessage().setBody("payload"));
        assertThat(e.getException()).isNull();
        assertThat(new String(fake.object("bkt", "k").data)).isEqualTo("payload");
        iam.stop();
        hmac.stop();
        context.stop();

        assertThat(appender.list).as("DEBUG logging captured something").isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            assertNoSecret(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                assertNoSecret(event.getThrowableProxy().getMessage());
            }
        }
        for (Endpoint endpoint : new Endpoint[] { iam, hmac }) {
            assertNoSecret(endpoint.toString());
            assertNoSecret(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            assertNoSecret(((IbmCosEndpoint) endpoint).getConfiguration().getCosClient() == null
                    ? String.valueOf(((IbmCosEndpoint) endpoint).getCredentials()) : "");
        }
    }

    @Test
    void aFailedDeleteAfterReadIsLoggedWithBucketAndKeyButNoSecret() throws Exception {
        fake.putObject(io.ibmcos.client.model.PutObjectRequest.of("bkt", "held.txt",
                io.ibmcos.client.model.Payload.ofBytes("x".getBytes())).withRetention(
                        new io.ibmcos.client.model.RetentionOptions(null, null, "hold-1")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ibmcos:bkt?cosClient=#fake&startScheduler=false&deleteAfterRead=true&apiKey=RAW(" + API_KEY
                        + ")&accessKey=" + ACCESS_KEY + "&secretKey=RAW(" + SECRET_KEY + ")&credentialType=HMAC")
                        .routeId("consume").to("mock:consumed");
            }
        });
        IbmCosConsumer consumer = (IbmCosConsumer) context.getRoute("consume").getConsumer();
        consumer.run();
        assertNoSecret(consumer.toString());

        assertThat(fake.object("bkt", "held.txt")).as("a legal hold refuses the delete").isNotNull();
        assertThat(appender.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("Could not delete object held.txt in bucket bkt")
                    .contains("AccessDenied");
        });
        context.stop();
        for (ILoggingEvent event : appender.list) {
            assertNoSecret(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                assertNoSecret(event.getThrowableProxy().getMessage());
            }
        }
    }

    private static void assertNoSecret(String text) {
        if (text == null) {
            return;
        }
        assertThat(text).doesNotContain(API_KEY).doesNotContain(SECRET_KEY)
                .doesNotContain("Ap1+Key").doesNotContain("Ap1%2BKey").doesNotContain("S3cret");
    }
}
