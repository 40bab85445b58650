package io.ibmcos.camel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Routes against an in-memory {@link FakeCosClient}, wrapped in a {@link RecordingCosClient} and bound in the
 * registry so the component autowires it, as a user's own CosClient bean would be.
 */
public abstract class IbmCosTestSupport extends CamelTestSupport {

    protected static final String BUCKET = "test-bucket";

    protected final FakeCosClient fake = new FakeCosClient().withBucket(BUCKET);
    protected final RecordingCosClient recorder = new RecordingCosClient(fake);

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("cosClient", recorder.client());
    }

    /** Sends and returns the exchange; failures stay on the exchange. */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
    }

    protected Exchange sendOk(String uri, Object body, Map<String, Object> headers) {
        Exchange e = send(uri, body, headers);
        if (e.getException() != null) {
            throw new AssertionError("Exchange failed: " + e.getException(), e.getException());
        }
        return e;
    }

    /** Sends and returns the exception the exchange failed with. */
    protected Exception sendFail(String uri, Object body, Map<String, Object> headers) {
        Exchange e = send(uri, body, headers);
        assertThat(e.getException()).as("the exchange should have failed").isNotNull();
        return e.getException();
    }

    protected void putText(String key, String text) {
        fake.putObject(io.ibmcos.client.model.PutObjectRequest.of(BUCKET, key,
                io.ibmcos.client.model.Payload.ofBytes(text.getBytes(StandardCharsets.UTF_8))));
    }

    protected String text(String key) {
        return new String(fake.object(BUCKET, key).data, StandardCharsets.UTF_8);
    }
}
