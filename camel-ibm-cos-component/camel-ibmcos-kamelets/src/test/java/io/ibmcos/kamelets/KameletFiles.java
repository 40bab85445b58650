package io.ibmcos.kamelets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped kamelet files, as built (after resource filtering), and the example resources. */
final class KameletFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> NAMES = List.of("ibmcos-protect-action", "ibmcos-sink", "ibmcos-source");

    private KameletFiles() {
    }

    /** target/classes/kamelets: what the jar ships. */
    static Path directory() {
        try {
            return Path.of(KameletFiles.class.getResource("/kamelets").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String name) {
        return directory().resolve(name + ".kamelet.yaml");
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String name) {
        return read(file(name));
    }

    /** examples/camel-k, where the tests find the example Pipes and the Integration. */
    static Path examples() {
        return Path.of(System.getProperty("examples.camel-k.dir", "../../examples/camel-k"));
    }

    static String projectVersion() {
        String v = System.getProperty("project.version");
        if (v == null) {
            throw new IllegalStateException("system property project.version is set by the surefire configuration");
        }
        return v;
    }
}
