import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks what {@code -Dnative -Dquarkus.native.sources-only=true} generated for the ibmcos extension, without a native
 * builder: the runner jar's {@code META-INF/native-image/reflect-config.json} must register the component classes and
 * exactly the data types of the client model package, and {@code native-image.args} must enable https.
 *
 * <p>The expected model types are computed here with plain Java reflection over the ibmcos-client jar (public records
 * and enums of {@code io.ibmcos.client.model} without a stream or {@code Payload} component, and not themselves a
 * stream or payload) — independently of the extension, which derives them from the Jandex index.
 *
 * <p>Run: {@code java -cp "target/native-sources/lib/*" src/native-check/CheckNativeSources.java target/native-sources}
 */
public class CheckNativeSources {

    static final String MODEL_PACKAGE = "io.ibmcos.client.model.";

    static final List<String> COMPONENT_CLASSES = List.of(
            "io.ibmcos.camel.IbmCosComponent", "io.ibmcos.camel.IbmCosEndpoint", "io.ibmcos.camel.IbmCosProducer",
            "io.ibmcos.camel.IbmCosConsumer", "io.ibmcos.camel.IbmCosComponentConfigurer",
            "io.ibmcos.camel.IbmCosEndpointConfigurer", "io.ibmcos.camel.IbmCosEndpointUriFactory",
            "io.ibmcos.camel.IbmCosOperation");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/native-sources");
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> registered = reflectConfig(dir, problems);

        Set<String> expectedModel = expectedModelTypes(dir.resolve("lib"));
        Set<String> registeredModel = new TreeSet<>();
        registered.keySet().stream().filter(n -> n.startsWith(MODEL_PACKAGE)).forEach(registeredModel::add);

        for (String name : expectedModel) {
            JsonNode entry = registered.get(name);
            if (entry == null) {
                problems.add("model type not registered for reflection: " + name);
            } else if (!entry.path("allDeclaredMethods").asBoolean() && !entry.path("allPublicMethods").asBoolean()) {
                problems.add("model type registered without its methods: " + name);
            }
        }
        for (String name : registeredModel) {
            if (!expectedModel.contains(name)) {
                problems.add("registered but not a data type of the model: " + name);
            }
        }
        for (String name : COMPONENT_CLASSES) {
            if (!registered.containsKey(name)) {
                problems.add("component class not registered for reflection: " + name);
            }
        }
        String nativeArgs = Files.readString(dir.resolve("native-image.args"));
        if (!nativeArgs.contains("--enable-url-protocols=http,https")) {
            problems.add("native-image.args lacks --enable-url-protocols=http,https (TLS for IBM Cloud)");
        }

        System.out.printf("native sources in %s: %d reflection entries; ibmcos model types expected %d, registered %d;"
                + " component classes %d/%d; GraalVM %s%n", dir, registered.size(), expectedModel.size(),
                registeredModel.size(), COMPONENT_CLASSES.stream().filter(registered::containsKey).count(),
                COMPONENT_CLASSES.size(), Files.readString(dir.resolve("graalvm.version")).strip());
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("FAIL " + p));
            System.exit(1);
        }
        System.out.println("native sources check passed");
    }

    /** Top-level entries of reflect-config.json in the runner jar, by class name. */
    static Map<String, JsonNode> reflectConfig(Path dir, List<String> problems) throws IOException {
        Map<String, JsonNode> byName = new TreeMap<>();
        try (var runners = Files.newDirectoryStream(dir, "*-runner.jar")) {
            for (Path runner : runners) {
                try (JarFile jar = new JarFile(runner.toFile())) {
                    JarEntry entry = jar.getJarEntry("META-INF/native-image/reflect-config.json");
                    if (entry == null) {
                        problems.add(runner + " has no META-INF/native-image/reflect-config.json");
                        continue;
                    }
                    try (InputStream in = jar.getInputStream(entry)) {
                        for (JsonNode node : new ObjectMapper().readTree(in)) {
                            byName.put(node.path("name").asText(), node);
                        }
                    }
                }
            }
        }
        if (byName.isEmpty()) {
            problems.add("no reflection configuration found in " + dir);
        }
        return byName;
    }

    /** The data types of the model package, found by loading every class of the ibmcos-client jar's package. */
    static Set<String> expectedModelTypes(Path lib) throws Exception {
        Set<String> names = new TreeSet<>();
        try (var jars = Files.newDirectoryStream(lib, "io.ibmcos.ibmcos-client-*.jar")) {
            for (Path path : jars) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                        String file = e.getName();
                        if (file.startsWith("io/ibmcos/client/model/") && file.endsWith(".class")
                                && file.indexOf('/', "io/ibmcos/client/model/".length()) < 0) {
                            Class<?> c = Class.forName(file.replace('/', '.').replace(".class", ""), false,
                                    CheckNativeSources.class.getClassLoader());
                            if (isDataType(c)) {
                                names.add(c.getName());
                            }
                        }
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no ibmcos-client jar with model classes under " + lib);
        }
        return names;
    }

    static boolean isDataType(Class<?> c) throws ClassNotFoundException {
        Class<?> payload = Class.forName(MODEL_PACKAGE + "Payload");
        if (!Modifier.isPublic(c.getModifiers()) || InputStream.class.isAssignableFrom(c)
                || payload.isAssignableFrom(c)) {
            return false;
        }
        if (c.isEnum()) {
            return true;
        }
        if (!c.isRecord()) {
            return false;
        }
        for (RecordComponent rc : c.getRecordComponents()) {
            if (InputStream.class.isAssignableFrom(rc.getType()) || payload.isAssignableFrom(rc.getType())) {
                return false;
            }
        }
        return true;
    }
}
