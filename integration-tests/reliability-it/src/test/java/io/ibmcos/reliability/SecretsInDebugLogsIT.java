package io.ibmcos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.client.DefaultCosClient;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.emulator.CosEmulator;
import io.ibmcos.emulator.admin.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Every log line at DEBUG (SLF4J/logback for Camel and the component, java.util.logging for the client core's
 * System.Logger) while routes run with IAM and HMAC, through token refreshes, retried faults, a multipart upload, a
 * consumer, a presigned URL and failures: no API key, HMAC secret, bearer token, signature or presigned URL signature.
 */
class SecretsInDebugLogsIT {

    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    static final Pattern SIGNATURE = Pattern.compile("Signature=[0-9a-fA-F]{16,}");

    @Test
    void noSecretInAnyDebugLog() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.ibmcos");
        java.util.logging.Level julPrevious = jul.getLevel();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String text = new java.util.logging.SimpleFormatter().formatMessage(r);
                lines.add("JUL " + r.getLoggerName() + ": " + text
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(handler);
        String presigned;
        // short-lived tokens, so the run includes refreshes
        try (CosEmulator emulator = Campaign.emulator().tokenTtl(Duration.ofSeconds(3)).start();
                DefaultCosClient setup = Campaign.client(emulator);
                CamelContext camel = new DefaultCamelContext()) {
            setup.createBucket(CreateBucketRequest.of("secrets"));
            String iam = Campaign.iamOptions(emulator);
            String hmac = Campaign.hmacOptions(emulator);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:iam").to("ibmcos:secrets?" + iam + "&multipartThreshold=5242880&partSize=5242880");
                    from("direct:presign").to("ibmcos:secrets?" + hmac + "&operation=createPresignedUrl");
                    from("direct:wrongKey").to("ibmcos:secrets?endpointUrl=" + emulator.endpoint()
                            + "&accessKey=" + Campaign.ACCESS_KEY + "&secretKey=RAW(wrong+" + Campaign.SECRET_KEY + ")");
                    from("ibmcos:secrets?" + iam + "&prefix=in/&delay=100").process(e -> org.slf4j.LoggerFactory
                            .getLogger("consumed").debug("consumed, headers {}", e.getMessage().getHeaders()));
                }
            });
            camel.start();
            ProducerTemplate t = camel.createProducerTemplate();
            emulator.faults().add(FaultRule.fail("UploadPart", 503, "SlowDown"));
            emulator.faults().add(FaultRule.fail("IamToken", 500, "InternalError"));
            for (int i = 0; i < 4; i++) {
                t.sendBodyAndHeader("direct:iam", "small " + i, IbmCosConstants.KEY, "in/" + i);
                Thread.sleep(1200); // crosses token refreshes
            }
            t.sendBodyAndHeader("direct:iam", new byte[6 * 1024 * 1024], IbmCosConstants.KEY, "big.bin");
            Exchange signed = t.send("direct:presign", e -> e.getMessage().setHeader(IbmCosConstants.KEY, "in/0"));
            presigned = signed.getMessage().getBody(String.class);
            Exchange refused = t.send("direct:wrongKey", e -> e.getMessage().setHeader(IbmCosConstants.KEY, "x"));
            assertThat(refused.getException()).isNotNull();
            lines.add("EXCEPTION " + refused.getException());
            Thread.sleep(500);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
            jul.removeHandler(handler);
            jul.setLevel(julPrevious);
        }
        for (ILoggingEvent e : appender.list) {
            if (e.getLoggerName().startsWith("io.ibmcos.emulator")) {
                continue; // the server side, not our client
            }
            lines.add(e.getLoggerName() + ": " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()));
        }
        assertThat(presigned).contains("X-Amz-Signature=");
        String signature = presigned.substring(presigned.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(Campaign.API_KEY) || line.contains(Campaign.SECRET_KEY) || line.contains(signature)
                    || JWT.matcher(line).find() || SIGNATURE.matcher(line).find()) {
                leaks.add(line);
            }
        }
        Campaign.report("secrets in DEBUG logs", """
                log lines captured at DEBUG (logback + java.util.logging, emulator excluded): %d
                lines with an API key, HMAC secret, bearer token, SigV4 or presigned signature: %d
                """.formatted(lines.size(), leaks.size()));
        assertThat(lines.size()).as("DEBUG logging really captured the run").isGreaterThan(50);
        assertThat(lines).as("the client core's own retry log was captured").anyMatch(l -> l.startsWith("JUL ")
                && l.contains("retrying"));
        assertThat(leaks).isEmpty();
    }
}
