package io.ibmcos.camel.consumer;

import io.ibmcos.camel.IbmCosConsumer;
import io.ibmcos.camel.support.FakeCosClient;
import io.ibmcos.camel.support.InterceptingCosClient;
import io.ibmcos.camel.support.RecordingCosClient;
import io.ibmcos.client.model.ObjectHeaders;
import io.ibmcos.client.model.Payload;
import io.ibmcos.client.model.PutObjectRequest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Consumer routes against the in-memory {@link FakeCosClient} (wrapped to inject faults and to record calls). Routes
 * are added per test with {@code startScheduler=false}, and the test drives each poll itself with {@link #poll}: the
 * route is synchronous, so when {@code poll} returns every exchange of that poll has completed. No timing involved.
 */
abstract class ConsumerTestSupport extends CamelTestSupport {

    static final String BUCKET = "in";

    final FakeCosClient fake = new FakeCosClient().withBucket(BUCKET).withBucket("archive");
    final InterceptingCosClient faults = new InterceptingCosClient(fake);
    final RecordingCosClient recorder = new RecordingCosClient(faults.client());
    /** Messages (with cause) the consumer gave its exception handler. */
    final List<String> handled = new CopyOnWriteArrayList<>();
    /** Open downloads seen by the route while it processed each exchange. */
    final List<Integer> openWhileProcessing = new CopyOnWriteArrayList<>();
    private final AtomicInteger routes = new AtomicInteger();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("cosClient", recorder.client());
        registry.bind("recordingHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handleException(null, null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handleException(message, null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(message + ": " + exception);
            }
        });
    }

    /** Adds a consumer route ending in mock:{id}; {@code step} runs before the mock (throw to fail the exchange). */
    String route(String options, Processor step) throws Exception {
        String id = "c" + routes.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ibmcos:" + BUCKET + "?startScheduler=false&exceptionHandler=#recordingHandler"
                        + (options.isEmpty() ? "" : "&" + options))
                        .routeId(id)
                        .process(e -> {
                            openWhileProcessing.add(fake.openStreams());
                            if (e.getMessage().getBody() instanceof InputStream in) {
                                e.getMessage().setBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        })
                        .process(step)
                        .to("mock:" + id);
            }
        });
        return id;
    }

    String route(String options) throws Exception {
        return route(options, e -> {
        });
    }

    IbmCosConsumer consumer(String routeId) {
        return (IbmCosConsumer) context.getRoute(routeId).getConsumer();
    }

    /** One scheduled poll, run on this thread (the scheduler's own entry point, so its error handling applies). */
    void poll(String routeId) {
        consumer(routeId).run();
    }

    MockEndpoint mock(String routeId) {
        return getMockEndpoint("mock:" + routeId);
    }

    /** The keys received so far, in order, one entry per delivery. */
    List<String> keys(String routeId) {
        return mock(routeId).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader("CamelIbmCosKey", String.class)).toList();
    }

    void put(String key, String text) {
        put(BUCKET, key, text, null);
    }

    void put(String bucket, String key, String text, Map<String, String> metadata) {
        fake.putObject(PutObjectRequest.of(bucket, key, Payload.ofBytes(text.getBytes(StandardCharsets.UTF_8)))
                .withHeaders(ObjectHeaders.builder().contentType("text/plain").userMetadata(metadata).build()));
    }
}
