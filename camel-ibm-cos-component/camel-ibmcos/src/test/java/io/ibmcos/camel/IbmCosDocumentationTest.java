package io.ibmcos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.Metadata;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The documentation cannot drift from the code: every option and header of the generated component model, and every
 * operation, appears in the README; every header constant is in the model with a description.
 */
class IbmCosDocumentationTest {

    private static JsonObject model() throws Exception {
        try (var in = IbmCosDocumentationTest.class.getResourceAsStream("/META-INF/io/ibmcos/camel/ibmcos.json")) {
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void everyOptionAndHeaderIsInTheReadme() throws Exception {
        JsonObject model = model();
        String readme = readme();
        List<String> names = new ArrayList<>();
        names.addAll(((Map<String, ?>) model.get("properties")).keySet());
        names.addAll(((Map<String, ?>) model.get("headers")).keySet());
        assertThat(names).hasSizeGreaterThan(60);
        assertThat(names).allSatisfy(n -> assertThat(readme).contains("`" + n + "`"));
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonObject model = model();
        for (String section : new String[] { "properties", "componentProperties", "headers" }) {
            ((Map<String, ?>) model.get(section)).forEach((name, value) -> assertThat(
                    ((Map<String, Object>) value).get("description")).as(section + " " + name).isNotNull()
                    .asString().isNotBlank());
        }
    }

    @Test
    void everyOperationIsDocumented() throws Exception {
        String readme = readme();
        for (IbmCosOperation op : IbmCosOperation.values()) {
            assertThat(readme).contains("`" + op.name() + "`");
        }
    }

    @Test
    void everyHeaderConstantIsInTheModelAndFollowsTheNamingRule() throws Exception {
        Map<String, ?> headers = (Map<String, ?>) model().get("headers");
        for (Field f : IbmCosConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String value = (String) f.get(null);
                assertThat(value).startsWith("CamelIbmCos");
                assertThat(f.getAnnotation(Metadata.class)).as(f.getName()).isNotNull();
                assertThat(headers).containsKey(value);
            }
        }
    }

    @Test
    void secretsAreMarkedSecret() throws Exception {
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) model().get("properties");
        for (String secret : new String[] { "apiKey", "accessKey", "secretKey" }) {
            assertThat(properties.get(secret).get("secret")).as(secret).isEqualTo(true);
        }
    }
}
