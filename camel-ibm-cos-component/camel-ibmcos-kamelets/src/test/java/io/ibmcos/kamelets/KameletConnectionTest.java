package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.client.model.ProtectionConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connection properties every kamelet shares (endpointUrl, location, credentials, iamEndpoint, forcePathStyle),
 * each shown on the wire for each kamelet: against the emulator where it checks them (signatures, IAM tokens,
 * service instance), else against {@link RecordingServer}.
 */
class KameletConnectionTest extends KameletRuntimeTestSupport {

    /** Starts {@code kamelet} on {@code bucket} and makes it send one request; returns the failure, if any. */
    private Exception trigger(String kamelet, String bucket, String options) throws Exception {
        String extra = options.isEmpty() ? "" : "&" + options;
        if (kamelet.equals("ibmcos-source")) {
            kameletProperty(kamelet, "delay", 50);
            addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:ibmcos-source?bucketName=" + bucket + extra).to("mock:source");
                }
            });
            return null;
        }
        String from = "direct:" + kamelet;
        String action = kamelet.equals("ibmcos-protect-action") ? "&legalHoldId=h1" : "";
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to("kamelet:" + kamelet + "?bucketName=" + bucket + action + extra);
            }
        });
        Exchange sent = template.send(from, e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader("file", "k.txt");
        });
        return sent.getException();
    }

    private static void awaitRequest(RecordingServer server) {
        IbmCosSourceKameletTest.awaitCondition(() -> !server.requests().isEmpty(), "a request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ibmcos-source", "ibmcos-sink", "ibmcos-protect-action"})
    void regionIsTheSignatureScopeAndPathStyleIsTheDefault(String kamelet) throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            kameletProperty(kamelet, "endpointUrl", "http://127.0.0.1:" + server.port());
            kameletProperty(kamelet, "accessKey", ACCESS_KEY);
            kameletProperty(kamelet, "secretKey", SECRET_KEY);
            kameletProperty(kamelet, "region", "eu-de");

            assertThat(trigger(kamelet, "signed-bucket", "")).isNull();
            awaitRequest(server);

            RecordingServer.Request first = server.requests().get(0);
            assertThat(first.authorization()).contains("Credential=" + ACCESS_KEY + "/").contains("/eu-de/s3/aws4_request");
            assertThat(first.path()).matches("/signed-bucket(/.*)?");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ibmcos-source", "ibmcos-sink", "ibmcos-protect-action"})
    void forcePathStyleFalseAddressesTheBucketAsAHost(String kamelet) throws Exception {
        String bucket = "vhost-" + kamelet;
        try (RecordingServer server = new RecordingServer()) {
            kameletProperty(kamelet, "endpointUrl", "http://localhost:" + server.port());
            kameletProperty(kamelet, "accessKey", ACCESS_KEY);
            kameletProperty(kamelet, "secretKey", SECRET_KEY);
            kameletProperty(kamelet, "forcePathStyle", false);

            assertThat(trigger(kamelet, bucket, "")).isNull();
            awaitRequest(server);

            RecordingServer.Request first = server.requests().get(0);
            assertThat(first.host()).isEqualTo(bucket + ".localhost:" + server.port());
            assertThat(first.path()).doesNotStartWith("/" + bucket);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ibmcos-source", "ibmcos-sink", "ibmcos-protect-action"})
    void apiKeyAndIamEndpoint(String kamelet) throws Exception {
        String bucket = newBucket();
        if (!kamelet.equals("ibmcos-sink")) {
            // something to consume, or to put a hold on
            cos.putBucketProtectionConfiguration(bucket, ProtectionConfiguration.retention(1, 1, 30, false));
            putObject(bucket, "k.txt", "x");
        }
        iamConnection(kamelet);
        emulator.stats().reset();
        MockEndpoint source = getMockEndpoint("mock:source");
        source.expectedMessageCount(kamelet.equals("ibmcos-source") ? 1 : 0);

        assertThat(trigger(kamelet, bucket, "")).isNull();

        source.assertIsSatisfied();
        // the emulator issued a token for the API key (whose + / = & % arrived intact) at the configured IAM URL
        assertThat(emulator.stats().count("IamToken")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void wrongApiKeyIsRejected() throws Exception {
        String bucket = newBucket();
        iamConnection("ibmcos-sink");
        kameletProperty("ibmcos-sink", "apiKey", "not-" + API_KEY);
        Exception failure = trigger("ibmcos-sink", bucket, "");
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).doesNotContain(API_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ibmcos-source", "ibmcos-sink"})
    void serviceInstanceIdOwnsTheCreatedBucket(String kamelet) throws Exception {
        String bucket = freshBucketName();
        iamConnection(kamelet);
        kameletProperty(kamelet, "serviceInstanceId", emulator.serviceInstanceId());

        assertThat(trigger(kamelet, bucket, "autoCreateBucket=true")).isNull();

        assertThat(cos.headBucket(bucket)).isNotNull();
    }

    @Test
    void withoutServiceInstanceIdAnIamBucketCreationFails() throws Exception {
        // the control: COS (and the emulator) need the instance to create a bucket with an IAM token
        String bucket = freshBucketName();
        iamConnection("ibmcos-sink");
        // the bucket is created when the sink starts, so the route does not start
        assertThatThrownBy(() -> trigger("ibmcos-sink", bucket, "autoCreateBucket=true"))
                .hasStackTraceContaining("Missing required header: ibm-service-instance-id");
    }

    @Test
    void aKameletPropertyCalledLocationWouldBeSwallowedByCamelKamelet() {
        // why the region property is not called location like the component option: camel-kamelet takes a
        // location parameter as the place to load the kamelet from
        hmacConnection("ibmcos-sink");
        assertThatThrownBy(() -> trigger("ibmcos-sink", "any-bucket", "location=eu-de"))
                .hasStackTraceContaining("Resource not found: classpath:eu-de/ibmcos-sink.kamelet.yaml");
    }
}
