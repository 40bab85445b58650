package io.ibmcos.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The property tables of README.md are generated from the kamelet files, so they cannot drift: this test renders
 * each table and compares it with the README's block between {@code <!-- BEGIN name properties -->} and
 * {@code <!-- END name properties -->}. Run with {@code -Dkamelets.docs.update=true} to rewrite the blocks.
 */
class KameletDocsTest {

    static final Path README = Path.of("README.md");

    static String table(String kamelet) {
        JsonNode k = KameletFiles.read(kamelet);
        List<String> required = KameletCatalogRulesTest.texts(k.at("/spec/definition/required"));
        StringBuilder sb = new StringBuilder();
        sb.append("| Property | Title | Type | Default | Required | Description |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, JsonNode> e : KameletCatalogRulesTest.properties(k)) {
            JsonNode p = e.getValue();
            String type = p.path("type").asText() + ("password".equals(p.path("format").asText()) ? " (secret)" : "");
            String def = p.has("default") ? "`" + p.get("default").asText() + "`" : "";
            String description = p.path("description").asText().replace("|", "\\|").replace("\n", " ");
            if (p.has("example")) {
                description += " Example: `" + p.get("example").asText() + "`.";
            }
            sb.append("| `").append(e.getKey()).append("` | ").append(p.path("title").asText()).append(" | ")
                    .append(type).append(" | ").append(def).append(" | ")
                    .append(required.contains(e.getKey()) ? "yes" : "").append(" | ").append(description)
                    .append(" |\n");
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ibmcos-source", "ibmcos-sink", "ibmcos-protect-action"})
    void readmeTableMatchesTheKamelet(String kamelet) throws IOException {
        String begin = "<!-- BEGIN " + kamelet + " properties -->\n";
        String end = "<!-- END " + kamelet + " properties -->";
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md has " + begin.strip()).isNotNegative();
        assertThat(to).as("README.md has " + end).isGreaterThan(from);
        String expected = table(kamelet);
        String actual = readme.substring(from + begin.length(), to);
        if (Boolean.getBoolean("kamelets.docs.update") && !actual.equals(expected)) {
            Files.writeString(README, readme.substring(0, from + begin.length()) + expected + readme.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README.md table of " + kamelet + " (regenerate: -Dkamelets.docs.update=true)")
                .isEqualTo(expected);
    }
}
