package io.ibmcos.camel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.emulator.CosEmulator;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Credentials end to end: IAM tokens are shared by the endpoints of one component (N endpoints, one IAM call), and
 * with every logger at DEBUG no API key, HMAC secret or bearer token reaches the client-side logs.
 */
class IbmCosCredentialsIT extends CamelTestSupport {

    private static CosEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = CosServers.startEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private Exchange send(String uri, Object body) {
        Exchange e = template.send(uri, x -> x.getMessage().setBody(body));
        assertThat(e.getException()).isNull();
        return e;
    }

    @Test
    void endpointsOfOneComponentShareOneIamToken() {
        String iam = Auth.IAM.uriOptions(emulator);
        // the emulator is shared by the tests of this class: count from here
        long before = emulator.stats().count("IamToken");
        send("ibmcos:shared-token?operation=createBucket&" + iam, null);
        for (int i = 0; i < 3; i++) {
            // three distinct endpoints (different keys), each with its own client, one component
            send("ibmcos:shared-token?keyName=k" + i + "&" + iam, "v" + i);
        }
        assertThat(emulator.stats().count("IamToken") - before).as("one IAM call for four endpoints of one component")
                .isEqualTo(1);
    }

    @Test
    void noSecretOrTokenInClientSideDebugLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        try {
            for (Auth auth : Auth.values()) {
                String options = auth.uriOptions(emulator);
                send("ibmcos:logged-" + auth.name().toLowerCase() + "?operation=createBucket&" + options, null);
                send("ibmcos:logged-" + auth.name().toLowerCase() + "?keyName=k&" + options, "payload");
                Exchange got = send("ibmcos:logged-" + auth.name().toLowerCase() + "?operation=getObject&keyName=k&"
                        + options, null);
                assertThat(got.getMessage().getHeader(IbmCosConstants.E_TAG)).isNotNull();
                Exchange failed = template.send("ibmcos:logged-" + auth.name().toLowerCase()
                        + "?operation=getObject&keyName=missing&" + options, x -> { });
                assertThat(failed.getException()).isNotNull();
                assertNoSecret(failed.getException().toString());
            }
            context.stop();
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
        List<ILoggingEvent> clientSide = appender.list.stream()
                // the emulator is the server: what it logs about requests it receives is not our client's doing
                .filter(e -> !e.getLoggerName().startsWith("io.ibmcos.emulator")).toList();
        assertThat(clientSide).isNotEmpty();
        for (ILoggingEvent event : clientSide) {
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
        assertThat(text).doesNotContain(CosServers.EMULATOR_API_KEY).doesNotContain(CosServers.EMULATOR_SECRET_KEY)
                .doesNotContain("it+api").doesNotContain("it%2Bapi").doesNotContain("it+secret")
                .doesNotContain("it%2Bsecret").doesNotContainIgnoringCase("bearer ").doesNotContain("access_token");
    }
}
