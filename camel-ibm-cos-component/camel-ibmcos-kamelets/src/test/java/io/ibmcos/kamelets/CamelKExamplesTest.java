package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.ListObjectsRequest;
import io.ibmcos.client.model.ObjectSummary;
import io.ibmcos.client.model.ProtectionConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of examples/camel-k run offline: the Pipes through camel-yaml-dsl's Pipe loader (what Camel JBang
 * uses too), the Integration's {@code spec.flows} as YAML routes (camel-yaml-dsl stopped loading kind Integration in
 * 4.10). Connection settings come as {@code camel.kamelet.*} properties, which is what the example Secret holds; the
 * Pipes' own property values stay URL-safe, as Camel 4.17 URL-encodes them without decoding (fixed in 4.22).
 * log-sink and timer-source are Apache's, from the camel-kamelets 4.18.0 jar.
 */
class CamelKExamplesTest extends KameletRuntimeTestSupport {

    @TempDir
    Path temp;

    static Path example(String file) {
        Path p = KameletFiles.examples().resolve(file);
        assertThat(p).exists();
        return p;
    }

    void connectAll() {
        for (String kamelet : KameletFiles.NAMES) {
            hmacConnection(kamelet);
        }
        kameletProperty("ibmcos-source", "delay", 50);
    }

    void load(String location) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
    }

    static List<String> keys(String bucket) {
        return cos.listObjectsV2(ListObjectsRequest.of(bucket)).objects().stream().map(ObjectSummary::key).toList();
    }

    @Test
    void protectToLogPipe() throws Exception {
        cos.createBucket(CreateBucketRequest.of("evidence"));
        cos.putBucketProtectionConfiguration("evidence", ProtectionConfiguration.retention(1, 1, 30, false));
        putObject("evidence", "report.pdf", "pdf");
        connectAll();

        load("file:" + example("ibmcos-protect-to-log.pipe.yaml"));

        assertThat(context.getRoute("ibmcos-protect-to-log")).isNotNull();
        IbmCosSourceKameletTest.awaitCondition(() -> !cos.listLegalHolds("evidence", "report.pdf").legalHolds()
                .isEmpty(), "the legal hold");
        assertThat(cos.listLegalHolds("evidence", "report.pdf").legalHolds()).extracting(LegalHold::id)
                .containsExactly("ingest-hold");
        assertThat(keys("evidence")).containsExactly("report.pdf");
    }

    @Test
    void timerToIbmCosPipe() throws Exception {
        cos.createBucket(CreateBucketRequest.of("reports"));
        connectAll();

        load("file:" + example("timer-to-ibmcos.pipe.yaml"));

        IbmCosSourceKameletTest.awaitCondition(() -> !keys("reports").isEmpty(), "the first report");
        String key = keys("reports").get(0);
        assertThat(key).startsWith("timer-");
        assertThat(readObject("reports", key)).isEqualTo("hello-from-camel-k");
    }

    @Test
    void copyIntegrationFlows() throws Exception {
        JsonNode integration = KameletFiles.read(example("ibmcos-copy.integration.yaml"));
        assertThat(integration.path("kind").asText()).isEqualTo("Integration");
        assertThat(integration.at("/spec/dependencies/0").asText())
                .isEqualTo("mvn:io.ibmcos:camel-ibmcos-kamelets:" + KameletFiles.projectVersion());
        Path flows = temp.resolve("ibmcos-copy.camel.yaml");
        KameletFiles.YAML.writeValue(flows.toFile(), integration.at("/spec/flows"));
        cos.createBucket(CreateBucketRequest.of("inbox"));
        cos.createBucket(CreateBucketRequest.of("archive"));
        putObject("inbox", "in/2026/a.json", "{\"a\":1}");
        connectAll();

        load("file:" + flows);

        IbmCosSourceKameletTest.awaitCondition(() -> !keys("archive").isEmpty(), "the copy");
        assertThat(keys("archive")).containsExactly("in/2026/a.json");
        assertThat(readObject("archive", "in/2026/a.json")).isEqualTo("{\"a\":1}");
        assertThat(keys("inbox")).containsExactly("in/2026/a.json");
    }

    @Test
    void cloudEventsDataTypeOnAPipe() throws Exception {
        cos.createBucket(CreateBucketRequest.of("cloudevents"));
        putObject("cloudevents", "e.csv", "a,b", "text/csv");
        connectAll();
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        load("classpath:pipes/ibmcos-cloudevents.pipe.yaml");

        events.assertIsSatisfied();
        Message m = events.getReceivedExchanges().get(0).getMessage();
        assertThat(m.getHeader("CamelCloudEventType")).isEqualTo("io.ibmcos.object.consumed");
        assertThat(m.getHeader("CamelCloudEventSource")).isEqualTo("ibmcos.bucket.cloudevents");
        assertThat(m.getHeader("CamelCloudEventSubject")).isEqualTo("e.csv");
        assertThat(m.getHeader("CamelCloudEventID", String.class)).startsWith("e.csv@");
        assertThat(m.getHeader("CamelCloudEventDataContentType")).isEqualTo("text/csv");
        assertThat(m.getHeader("CamelCloudEventTime", String.class)).isNotBlank();
    }

    @Test
    void examplesAreWellFormedAndPortable() throws Exception {
        List<Path> pipes = new ArrayList<>();
        try (var files = Files.list(KameletFiles.examples())) {
            files.filter(p -> p.toString().endsWith(".pipe.yaml")).forEach(pipes::add);
        }
        assertThat(pipes).hasSize(2);
        Set<String> apacheKamelets = Set.of("log-sink", "timer-source");
        for (Path pipe : pipes) {
            JsonNode p = KameletFiles.read(pipe);
            assertThat(p.path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
            assertThat(p.path("kind").asText()).isEqualTo("Pipe");
            assertThat(pipe.getFileName().toString()).isEqualTo(p.at("/metadata/name").asText() + ".pipe.yaml");
            List<JsonNode> endpoints = new ArrayList<>();
            endpoints.add(p.at("/spec/source"));
            p.at("/spec/steps").forEach(endpoints::add);
            endpoints.add(p.at("/spec/sink"));
            for (JsonNode e : endpoints) {
                String name = e.at("/ref/name").asText();
                assertThat(KameletFiles.NAMES.contains(name) || apacheKamelets.contains(name)).as(name).isTrue();
                e.path("properties").properties().forEach(prop -> {
                    // Camel 4.17 URL-encodes Pipe property values and never decodes them
                    assertThat(prop.getValue().asText()).as(pipe.getFileName() + " " + prop.getKey())
                            .matches("[A-Za-z0-9._-]+");
                    if (KameletFiles.NAMES.contains(name)) {
                        assertThat(KameletFiles.read(name).at("/spec/definition/properties").has(prop.getKey()))
                                .as(name + " declares " + prop.getKey()).isTrue();
                    }
                });
            }
        }
        JsonNode secret = KameletFiles.read(example("ibmcos-credentials.secret.yaml"));
        secret.path("stringData").fieldNames().forEachRemaining(key -> {
            String[] parts = key.split("\\.", 4);
            assertThat(parts).as(key).hasSize(4);
            assertThat(parts[0] + "." + parts[1]).isEqualTo("camel.kamelet");
            assertThat(KameletFiles.read(parts[2]).at("/spec/definition/properties").has(parts[3])).as(key).isTrue();
        });
    }
}
