package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of Apache's catalog validator ({@code camel-kamelets: script/validator/validator.go}), re-implemented
 * over every shipped kamelet, with our own provider, plus the rules we add: reserved property names, the concrete
 * {@code mvn:} dependency on our component, and descriptions that state the source's destructive options.
 */
class KameletCatalogRulesTest {

    static final String PROVIDER = "ibmcos";
    /** The validator's placeholder pattern. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?:[:][^}]*)?}}");
    static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "in", "on", "to", "for", "and", "or",
            "from", "by", "with", "per", "as", "at", "is");
    /** Consumed by camel-kamelet or Camel K instead of reaching the template. */
    static final Set<String> RESERVED = Set.of("id", "kameletVersion", "kameletNamespace", "routeId", "templateId",
            "location", "uuid", "noErrorHandler", "bridgeErrorHandler");

    static List<Path> kamelets() {
        return KameletFiles.all();
    }

    @Test
    void theCatalogHasExactlyOurThreeKamelets() {
        assertThat(kamelets()).extracting(p -> p.getFileName().toString()).containsExactly(
                "ibmcos-protect-action.kamelet.yaml", "ibmcos-sink.kamelet.yaml", "ibmcos-source.kamelet.yaml");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void fileNameIsMetadataName(Path file) {
        JsonNode k = KameletFiles.read(file);
        assertThat(k.path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
        assertThat(k.path("kind").asText()).isEqualTo("Kamelet");
        String name = k.at("/metadata/name").asText();
        assertThat(file.getFileName().toString()).isEqualTo(name + ".kamelet.yaml");
        assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").doesNotStartWith("ibm-cos-")
                .isNotIn("source", "sink");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void typeLabelMatchesNameSuffixAndTitle(Path file) {
        JsonNode k = KameletFiles.read(file);
        String type = k.at("/metadata/labels/camel.apache.org~1kamelet.type").asText();
        assertThat(type).isIn("source", "sink", "action");
        assertThat(k.at("/metadata/name").asText()).endsWith("-" + type);
        String title = k.at("/spec/definition/title").asText();
        assertThat(title).endsWith(" " + Character.toUpperCase(type.charAt(0)) + type.substring(1));
        assertThat(k.at("/metadata/labels/camel.apache.org~1kamelet.verified").asText()).isEqualTo("true");
        assertThat(k.at("/metadata/labels").has("camel.apache.org/kamelet.bundled")).isFalse();
        assertThat(k.at("/metadata/labels").has("camel.apache.org/kamelet.readonly")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void definitionIsComplete(Path file) {
        JsonNode def = KameletFiles.read(file).at("/spec/definition");
        assertThat(KameletFiles.read(file).at("/spec/template").isObject()).isTrue();
        assertThat(def.path("title").asText()).isNotBlank();
        assertThat(def.path("description").asText()).isNotBlank();
        assertThat(def.path("type").asText()).isEqualTo("object");
        List<String> required = texts(def.path("required"));
        assertThat(required).doesNotHaveDuplicates();
        assertThat(names(def.path("properties"))).containsAll(required);
        def.path("properties").properties().forEach(e -> {
            JsonNode p = e.getValue();
            assertThat(p.path("type").asText()).as(e.getKey()).isIn("string", "boolean", "integer");
            assertThat(p.path("description").asText()).as(e.getKey()).isNotBlank();
            assertThat(e.getKey()).as("camelCase").matches("[a-z][A-Za-z0-9]*").isNotIn(RESERVED);
            assertTitle(e.getKey(), p.path("title").asText());
            for (String bound : List.of("minimum", "maximum", "multipleOf")) {
                if (p.has(bound)) {
                    assertThat(p.get(bound).isTextual()).as(e.getKey() + "." + bound + " quoted").isTrue();
                }
            }
        });
    }

    static void assertTitle(String property, String title) {
        assertThat(title).as(property).isNotBlank().doesNotStartWith("The ").doesNotStartWith("A ")
                .doesNotStartWith("An ");
        String[] words = title.split(" ");
        for (int i = 0; i < words.length; i++) {
            boolean stop = i > 0 && STOP_WORDS.contains(words[i]);
            assertThat(stop || Character.isUpperCase(words[i].charAt(0))).as(property + " title: " + title).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void annotations(Path file) {
        JsonNode a = KameletFiles.read(file).at("/metadata/annotations");
        assertThat(a.path("camel.apache.org/kamelet.icon").asText()).startsWith("data:image/svg+xml;base64,");
        assertThat(a.path("camel.apache.org/catalog.version").asText()).isEqualTo(KameletFiles.projectVersion());
        assertThat(a.path("camel.apache.org/provider").asText()).isEqualTo(PROVIDER);
        assertThat(a.path("camel.apache.org/kamelet.group").asText()).isEqualTo("IBM Cloud Object Storage");
        assertThat(a.path("camel.apache.org/kamelet.support.level").asText()).isIn("Preview", "Stable");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void secretsCarryTheCredentialsDescriptor(Path file) {
        JsonNode props = KameletFiles.read(file).at("/spec/definition/properties");
        props.properties().forEach(e -> {
            List<String> descriptors = texts(e.getValue().path("x-descriptors"));
            assertThat(descriptors).as(e.getKey()).doesNotHaveDuplicates()
                    .noneMatch(d -> d.startsWith("urn:alm:descriptor:com.tectonic.ui"));
            if ("password".equals(e.getValue().path("format").asText())) {
                assertThat(descriptors).as(e.getKey()).contains("urn:camel:group:credentials");
            }
        });
        for (String secret : List.of("apiKey", "secretKey", "accessKey")) {
            assertThat(props.at("/" + secret + "/format").asText()).as(secret).isEqualTo("password");
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void everyPlaceholderIsDeclaredAndEveryPropertyUsed(Path file) {
        JsonNode k = KameletFiles.read(file);
        Set<String> used = placeholders(k.at("/spec/template").toString());
        Set<String> declared = new TreeSet<>(names(k.at("/spec/definition/properties")));
        k.at("/spec/template/beans").forEach(b -> declared.add(b.path("name").asText()));
        assertThat(declared).containsAll(used);
        assertThat(used).containsAll(declared);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void routingConvention(Path file) {
        JsonNode k = KameletFiles.read(file);
        String type = k.at("/metadata/labels/camel.apache.org~1kamelet.type").asText();
        JsonNode from = k.at("/spec/template/from");
        if (type.equals("source")) {
            assertThat(from.path("uri").asText()).startsWith("ibmcos:");
            assertThat(from.path("steps").toString()).contains("\"kamelet:sink\"");
        } else {
            assertThat(from.path("uri").asText()).isEqualTo("kamelet:source");
            assertThat(from.path("steps").toString()).doesNotContain("kamelet:sink");
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void dependencies(Path file) {
        List<String> deps = texts(KameletFiles.read(file).at("/spec/dependencies"));
        assertThat(deps).allMatch(d -> d.startsWith("camel:") || d.startsWith("mvn:") || d.startsWith("github:apache/"))
                .contains("camel:kamelet", "mvn:io.ibmcos:camel-ibmcos:" + KameletFiles.projectVersion());
    }

    @Test
    void titlesDescriptionsAndVersionAcrossTheCatalog() {
        List<JsonNode> all = kamelets().stream().map(KameletFiles::read).toList();
        assertThat(all).extracting(k -> k.at("/spec/definition/title").asText()).doesNotHaveDuplicates();
        assertThat(all).extracting(k -> k.at("/spec/definition/description").asText()).doesNotHaveDuplicates();
        assertThat(all.stream().map(k -> k.at("/metadata/annotations/camel.apache.org~1catalog.version").asText())
                .collect(Collectors.toSet())).hasSize(1);
    }

    @Test
    void sourceIsNonDestructiveByDefaultAndSaysSo() {
        JsonNode def = KameletFiles.read("ibmcos-source").at("/spec/definition");
        for (String destructive : List.of("deleteAfterRead", "moveAfterRead")) {
            assertThat(def.at("/properties/" + destructive + "/default").asBoolean(true)).isFalse();
            assertThat(def.at("/properties/" + destructive + "/description").asText()).startsWith("DESTRUCTIVE");
        }
        assertThat(def.path("description").asText()).contains("Non-destructive by default");
    }

    @Test
    void sourceOffersTheCloudEventsDataType() {
        JsonNode types = KameletFiles.read("ibmcos-source").at("/spec/dataTypes/out");
        assertThat(types.path("default").asText()).isEqualTo("binary");
        assertThat(types.at("/types/cloudevents/format").asText()).isEqualTo("ibmcos:application-cloudevents");
    }

    /** The placeholder names used in a template's text (a broken pattern would show up as a missing name). */
    static Set<String> placeholders(String text) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Used by the docs test too: property name to its definition, in file order. */
    static List<Map.Entry<String, JsonNode>> properties(JsonNode kamelet) {
        return List.copyOf(kamelet.at("/spec/definition/properties").properties());
    }
}
