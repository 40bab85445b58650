package io.ibmcos.camel.integration.aspera.standin;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a small shell script that starts {@link AscpStandIn} in a fresh JVM, so tests can give its path to the
 * component as {@code asperaAscpPath} exactly like a real ascp. The script is named {@value #NAME} (never
 * {@code ascp}) and lives only in a test's temporary folder. Knobs for the stand-in are exported by the script.
 */
public final class StandInScript {

    public static final String NAME = "ascp-test-stand-in.sh";

    private StandInScript() {
    }

    /** Creates {@code dir/ascp-test-stand-in.sh}, exporting {@code env} before starting the stand-in. */
    public static Path create(Path dir, Map<String, String> env) throws IOException {
        Path classes;
        try {
            classes = Path.of(AscpStandIn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder script = new StringBuilder("#!/bin/sh\n# TEST STAND-IN for ascp (moves bytes over HTTP)\n");
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            script.append("export ").append(e.getKey()).append("='").append(e.getValue().replace("'", "'\\''"))
                    .append("'\n");
        }
        // a small, quick-starting JVM: the stand-in only needs the JDK
        script.append("exec '").append(java).append("' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx64m -cp '")
                .append(classes).append("' ").append(AscpStandIn.class.getName()).append(" \"$@\"\n");
        Files.createDirectories(dir);
        Path path = dir.resolve(NAME);
        Files.writeString(path, script.toString(), StandardCharsets.UTF_8);
        if (!path.toFile().setExecutable(true, true)) {
            throw new IOException("cannot make " + path + " executable");
        }
        return path;
    }
}
