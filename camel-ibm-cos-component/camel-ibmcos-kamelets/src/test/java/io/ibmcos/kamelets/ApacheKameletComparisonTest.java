package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins the facts the README's comparison with Apache's {@code ibm-cos-source} / {@code ibm-cos-sink} (catalog
 * 4.18.0, read from Apache's camel-kamelets jar) states: ours are supersets, with one renamed and one dropped
 * property, and different defaults where the README says so.
 */
class ApacheKameletComparisonTest {

    /** Apache's name -> ours. */
    static final Map<String, String> RENAMED = Map.of("location", "region");
    /** Apache's properties we do not offer, with the reason given in the README. */
    static final Set<String> DROPPED = Set.of("storageClass");

    static JsonNode apache(String name) throws IOException {
        try (InputStream in = ApacheKameletComparisonTest.class.getResourceAsStream("/kamelets/" + name
                + ".kamelet.yaml")) {
            assertThat(in).as(name + " in Apache's camel-kamelets jar").isNotNull();
            return KameletFiles.YAML.readTree(in);
        }
    }

    static void assertSuperset(JsonNode apache, JsonNode ours) {
        JsonNode theirs = apache.at("/spec/definition/properties");
        JsonNode mine = ours.at("/spec/definition/properties");
        theirs.fieldNames().forEachRemaining(name -> {
            if (!DROPPED.contains(name)) {
                String our = RENAMED.getOrDefault(name, name);
                assertThat(mine.has(our)).as(name + " -> " + our).isTrue();
                assertThat(mine.get(our).path("type").asText()).as(our).isEqualTo(theirs.get(name).path("type").asText());
            }
        });
    }

    @Test
    void sourceIsASupersetAndNonDestructive() throws IOException {
        JsonNode apache = apache("ibm-cos-source");
        JsonNode ours = KameletFiles.read("ibmcos-source");
        assertSuperset(apache, ours);
        assertThat(apache.at("/spec/definition/properties/deleteAfterRead/default").asBoolean()).isTrue();
        assertThat(ours.at("/spec/definition/properties/deleteAfterRead/default").asBoolean()).isFalse();
        // Apache requires IAM credentials; ours also accepts HMAC keys, so only bucket and endpoint are required
        assertThat(KameletCatalogRulesTest.texts(apache.at("/spec/definition/required")))
                .contains("apiKey", "serviceInstanceId");
        assertThat(KameletCatalogRulesTest.texts(ours.at("/spec/definition/required")))
                .containsExactly("bucketName", "endpointUrl");
        assertThat(apache.at("/spec/dataTypes/out/types").has("cloudevents")).isFalse();
        assertThat(ours.at("/spec/dataTypes/out/types").has("cloudevents")).isTrue();
    }

    @Test
    void sinkIsASupersetWithoutStorageClass() throws IOException {
        JsonNode apache = apache("ibm-cos-sink");
        JsonNode ours = KameletFiles.read("ibmcos-sink");
        assertSuperset(apache, ours);
        assertThat(apache.at("/spec/definition/properties").has("storageClass")).isTrue();
        assertThat(ours.at("/spec/definition/properties").has("storageClass")).isFalse();
        assertThat(ours.at("/spec/definition/properties").has("locationConstraint")).isTrue();
        assertThat(apache.at("/spec/definition/properties/partSize/default").asLong()).isEqualTo(26214400L);
        assertThat(ours.at("/spec/definition/properties/partSize/default").asLong()).isEqualTo(16777216L);
        // Apache's sink passes incoming headers to the producer; ours removes the component's routing headers
        assertThat(apache.at("/spec/template").toString()).doesNotContain("removeHeaders");
        assertThat(ours.at("/spec/template").toString()).contains("removeHeaders");
    }

    @Test
    void apacheHasNoProtectionAction() {
        assertThat(ApacheKameletComparisonTest.class.getResource("/kamelets/ibm-cos-protect-action.kamelet.yaml"))
                .isNull();
        assertThat(KameletFiles.read("ibmcos-protect-action").at("/metadata/name").asText())
                .isEqualTo("ibmcos-protect-action");
    }
}
