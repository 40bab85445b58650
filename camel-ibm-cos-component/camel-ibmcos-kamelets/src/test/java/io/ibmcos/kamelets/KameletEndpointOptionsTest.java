package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibmcos.camel.IbmCosEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the Apache catalog's Maven plugin checks (every template parameter is an option of the component), done at
 * runtime against our component: each {@code ibmcos:} endpoint of each template is built with every placeholder
 * filled from the kamelet's own example, default or a value of its type. Camel rejects an unknown option, so a
 * misspelt or removed option fails here, not in a user's cluster.
 */
class KameletEndpointOptionsTest {

    private static final Set<String> HMAC = Set.of("accessKey", "secretKey");
    private static final Set<String> IAM = Set.of("apiKey", "serviceInstanceId", "iamEndpoint");

    private DefaultCamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.getRegistry().bind("ibmcosSeen", new MemoryIdempotentRepository());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** Every {@code {uri: ibmcos:..., parameters: {...}}} node of a template, in order. */
    static List<JsonNode> ibmcosEndpoints(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && node.path("uri").asText().startsWith("ibmcos:")) {
            out.add(node);
        }
        node.forEach(child -> collect(child, out));
    }

    /** The value the test gives a placeholder: the property's example, else default, else one of its type. */
    static String sample(JsonNode property) {
        if (property.has("example")) {
            return property.get("example").asText();
        }
        if (property.has("default")) {
            return property.get("default").asText();
        }
        return switch (property.path("type").asText()) {
            case "integer" -> property.has("minimum") ? property.get("minimum").asText() : "1";
            case "boolean" -> "true";
            default -> "sample-value";
        };
    }

    static String resolve(String template, JsonNode properties) {
        Matcher m = KameletCatalogRulesTest.PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode p = properties.get(m.group(1));
            assertThat(p).as("placeholder " + m.group(1) + " is declared").isNotNull();
            m.appendReplacement(sb, Matcher.quoteReplacement(sample(p)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ibmcos-source", "ibmcos-sink", "ibmcos-protect-action"})
    void everyTemplateParameterIsAnEndpointOption(String name) throws Exception {
        JsonNode kamelet = KameletFiles.read(name);
        JsonNode properties = kamelet.at("/spec/definition/properties");
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("ibmcos");
        Set<String> options = factory.propertyNames();
        List<JsonNode> endpoints = ibmcosEndpoints(kamelet.at("/spec/template"));
        assertThat(endpoints).isNotEmpty();

        for (JsonNode ep : endpoints) {
            // IAM and HMAC credentials together are refused by the component, so each endpoint is built twice
            for (Set<String> otherKind : List.of(HMAC, IAM)) {
                Map<String, Object> params = new LinkedHashMap<>();
                ep.path("parameters").properties().forEach(e -> {
                    assertThat(options).as(name + ": " + e.getKey()).contains(e.getKey());
                    if (!otherKind.contains(e.getKey())) {
                        String value = resolve(e.getValue().asText(), properties);
                        params.put(e.getKey(), factory.secretPropertyNames().contains(e.getKey())
                                ? "RAW(" + value + ")" : value);
                    }
                });
                String uri = resolve(ep.path("uri").asText(), properties) + "?"
                        + URISupport.createQueryString(params);

                Endpoint endpoint = context.getEndpoint(uri);

                assertThat(endpoint).isInstanceOf(IbmCosEndpoint.class);
                assertThat(((IbmCosEndpoint) endpoint).getConfiguration().getEndpointUrl())
                        .isEqualTo(sample(properties.get("endpointUrl")));
            }
        }
    }

    @Test
    void anUnknownOptionWouldBeRejected() {
        // the control: a template parameter the component does not know fails endpoint creation
        assertThatThrownBy(() -> context.getEndpoint("ibmcos:bucket?endpointUrl=http://x&storageClass=COLD"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("storageClass");
    }
}
