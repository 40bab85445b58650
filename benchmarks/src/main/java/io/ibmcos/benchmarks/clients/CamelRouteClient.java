package io.ibmcos.benchmarks.clients;

import io.ibmcos.benchmarks.servers.BenchServer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Our component through a Camel route: {@code direct:upload → ibmcos:bucket?operation=putObject}, which hands
 * bodies above {@code multipartThreshold} (and streams of unknown length) to the client core's parallel uploader.
 * Only the endpoint URI and header names are used, so this class does not depend on the component's classes.
 */
public final class CamelRouteClient implements UploadClient {

    private static final String ROUTE = "direct:upload";
    private static final String KEY_HEADER = "CamelIbmCosKey";
    /** Overrides the endpoint's bucket per message, so one static route serves any bucket. */
    private static final String BUCKET_HEADER = "CamelIbmCosBucketName";

    private final String name;
    private final int concurrency;
    private final CamelContext camel;
    private final ProducerTemplate template;

    public CamelRouteClient(String name, BenchServer server, int concurrency) {
        this.name = name;
        this.concurrency = concurrency;
        String options = "operation=putObject&forcePathStyle=true&checksumMode=none"
                + "&endpointUrl=" + server.endpoint()
                + "&accessKey=RAW(" + server.accessKey() + ")&secretKey=RAW(" + server.secretKey() + ")"
                + "&partSize=" + Settings.PART_SIZE + "&multipartThreshold=" + Settings.PART_SIZE
                + "&multipartConcurrency=" + concurrency;
        camel = new DefaultCamelContext();
        // Camel 4 caches stream bodies by default: it would first copy the whole stream into a spool file (all
        // past 128 KiB), and we would measure that copy instead of the upload. Routes moving large bodies turn it off.
        camel.setStreamCaching(false);
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(ROUTE).to("ibmcos:default?allowBucketOverride=true&" + options);
                }
            });
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("Cannot start the Camel route: " + e, e);
        }
        template = camel.createProducerTemplate();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void uploadFile(String bucket, String key, Path file) throws Exception {
        send(bucket, key, file.toFile());
    }

    @Override
    public void uploadStream(String bucket, String key, InputStream in) throws Exception {
        // no CamelIbmCosContentLength header: the component sees a stream of unknown length
        send(bucket, key, in);
    }

    private void send(String bucket, String key, Object body) throws Exception {
        Exchange done = template.send(ROUTE, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new HashMap<>(Map.of(KEY_HEADER, key, BUCKET_HEADER, bucket)));
        });
        if (done.getException() != null) {
            throw done.getException();
        }
    }

    @Override
    public String describe() {
        return "camel-ibmcos putObject through a route (direct: → ibmcos:), 16 MiB parts and threshold, "
                + "multipartConcurrency=" + concurrency + ", checksumMode=none, stream caching off";
    }

    @Override
    public void close() {
        try {
            template.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        camel.stop();
    }
}
