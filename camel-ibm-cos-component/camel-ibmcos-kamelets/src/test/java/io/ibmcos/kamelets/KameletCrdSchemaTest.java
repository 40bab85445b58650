package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kamelet against the Kamelet CRD's {@code openAPIV3Schema}, read at test time from Apache's Maven artifact
 * {@code org.apache.camel.kamelets:camel-kamelets-crds} (jar root {@code camel.apache.org_kamelets.yaml}); no copy
 * of it is kept here. Plain mode is what a non-strict API server checks; strict mode adds
 * {@code additionalProperties: false} wherever the schema lists its properties and does not preserve unknown fields,
 * as {@code kubectl apply --validate=strict} does. Deliberately broken kamelets must be rejected.
 */
class KameletCrdSchemaTest {

    private static JsonSchema plain;
    private static JsonSchema strict;

    @BeforeAll
    static void loadCrd() throws IOException {
        JsonNode crd;
        try (InputStream in = KameletCrdSchemaTest.class.getResourceAsStream("/camel.apache.org_kamelets.yaml")) {
            assertThat(in).as("camel-kamelets-crds on the test classpath").isNotNull();
            crd = KameletFiles.YAML.readTree(in);
        }
        assertThat(crd.at("/spec/names/kind").asText()).isEqualTo("Kamelet");
        JsonNode v1 = null;
        for (JsonNode version : crd.at("/spec/versions")) {
            if (version.path("name").asText().equals("v1")) {
                v1 = version;
            }
        }
        assertThat(v1).as("the CRD serves v1").isNotNull();
        ObjectNode schema = (ObjectNode) v1.at("/schema/openAPIV3Schema");

        // Kubernetes' own keywords carry no validation for this purpose; declared so the validator knows them
        JsonMetaSchema meta = JsonMetaSchema.builder("https://ibmcos.io/k8s-openapi-v3", JsonMetaSchema.getV4())
                .keywords(Stream.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-map-type",
                        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-int-or-string",
                        "x-kubernetes-embedded-resource", "nullable")
                        .map(NonValidationKeyword::new).map(k -> (com.networknt.schema.Keyword) k).toList())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(meta).defaultMetaSchemaIri(meta.getIri()));
        plain = factory.getSchema(schema.deepCopy());
        ObjectNode strictSchema = schema.deepCopy();
        closeObjects(strictSchema);
        strict = factory.getSchema(strictSchema);
    }

    /** additionalProperties: false on every schema node listing properties, unless it preserves unknown fields. */
    static void closeObjects(ObjectNode schema) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (schema.has("properties")) {
            if (!schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
            schema.get("properties").forEach(p -> closeObjects((ObjectNode) p));
        }
        if (schema.path("items").isObject()) {
            closeObjects((ObjectNode) schema.get("items"));
        }
        if (schema.path("additionalProperties").isObject()) {
            closeObjects((ObjectNode) schema.get("additionalProperties"));
        }
    }

    static List<Path> kamelets() {
        return KameletFiles.all();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void validPlain(Path file) {
        assertThat(plain.validate(KameletFiles.read(file))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void validStrict(Path file) {
        assertThat(strict.validate(KameletFiles.read(file))).isEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("a numeric bound written as a number (the CRD types it as a string)",
                        (Consumer<ObjectNode>) k -> ((ObjectNode) k.at("/spec/definition/properties/partSize"))
                                .put("minimum", 5242880), "minimum"),
                Arguments.of("required as a string instead of a list",
                        (Consumer<ObjectNode>) k -> ((ObjectNode) k.at("/spec/definition")).put("required", "bucketName"),
                        "required"),
                Arguments.of("dependencies as a string",
                        (Consumer<ObjectNode>) k -> ((ObjectNode) k.get("spec")).set("dependencies",
                                TextNode.valueOf("camel:kamelet")), "dependencies"),
                Arguments.of("a property type as a list",
                        (Consumer<ObjectNode>) k -> ((ObjectNode) k.at("/spec/definition/properties/keyName"))
                                .set("type", new ArrayNode(KameletFiles.YAML.getNodeFactory()).add("string")), "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenKameletIsRejected(String what, Consumer<ObjectNode> breakIt, String field) {
        ObjectNode k = (ObjectNode) KameletFiles.read("ibmcos-sink").deepCopy();
        breakIt.accept(k);
        Set<ValidationMessage> plainErrors = plain.validate(k);
        assertThat(plainErrors).as(what).isNotEmpty();
        assertThat(plainErrors.toString()).contains(field);
        assertThat(strict.validate(k)).as(what).isNotEmpty();
    }

    @Test
    void aMisspelledSpecFieldIsOnlyCaughtInStrictMode() {
        ObjectNode k = (ObjectNode) KameletFiles.read("ibmcos-sink").deepCopy();
        ObjectNode spec = (ObjectNode) k.get("spec");
        spec.set("dependancies", spec.remove("dependencies"));
        assertThat(plain.validate(k)).isEmpty();
        assertThat(strict.validate(k).toString()).contains("dependancies");
    }
}
