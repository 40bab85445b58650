package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AscpLocatorTest {

    @TempDir
    Path tmp;

    private Path executable(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        assertThat(p.toFile().setExecutable(true)).isTrue();
        return p;
    }

    private Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("home"));
    }

    @Test
    void searchOrderIsExplicitThenEnvThenHomeThenJarThenPath() throws Exception {
        Path home = home();
        Path onPath = executable(tmp.resolve("bin/ascp"));
        Map<String, String> env = new HashMap<>(Map.of("PATH", tmp.resolve("bin").toString()));
        ClassLoader noJar = new URLClassLoader(new URL[0], null);
        assertThat(new AscpLocator(null, env, home, noJar).locate()).isEqualTo(onPath);

        Path jar = cosAsperaJar(tmp.resolve("cos-aspera.jar"), "0.1.163682", "ascp");
        ClassLoader withJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        Path fromJar = new AscpLocator(null, env, home, withJar).locate();
        assertThat(fromJar).isEqualTo(home.resolve(".aspera/cos-aspera/0.1.163682/ascp"));
        assertThat(Files.isExecutable(fromJar)).isTrue();

        Path sdk = executable(home.resolve(".aspera/sdk/ascp"));
        // the extracted jar folder is an installation under ~/.aspera too and is found first from now on
        assertThat(new AscpLocator(null, env, home, noJar).locate()).isEqualTo(fromJar);
        Files.delete(fromJar);
        assertThat(new AscpLocator(null, env, home, noJar).locate()).isEqualTo(sdk);

        Path fromEnv = executable(tmp.resolve("env/ascp"));
        env.put(AscpLocator.ENV_VAR, fromEnv.toString());
        assertThat(new AscpLocator(null, env, home, noJar).locate()).isEqualTo(fromEnv);

        Path explicit = executable(tmp.resolve("explicit/ascp"));
        assertThat(new AscpLocator(explicit, env, home, noJar).locate()).isEqualTo(explicit);
    }

    @Test
    void nothingFoundListsWhereItLooked() throws Exception {
        Path home = home();
        Map<String, String> env = Map.of("PATH", tmp.resolve("nowhere").toString());
        assertThatThrownBy(() -> new AscpLocator(null, env, home, new URLClassLoader(new URL[0], null)).locate())
                .isInstanceOf(AsperaException.class)
                .hasMessageContaining("No ascp executable found")
                .hasMessageContaining(AscpLocator.ENV_VAR)
                .hasMessageContaining(home.resolve(".aspera/sdk/ascp").toString())
                .hasMessageContaining("cos-aspera jar")
                .hasMessageContaining("PATH (" + tmp.resolve("nowhere"));
    }

    @Test
    void aBrokenExplicitPathIsAnErrorNotAFallback() throws Exception {
        Path missing = tmp.resolve("missing/ascp");
        executable(tmp.resolve("bin/ascp"));
        assertThatThrownBy(() -> new AscpLocator(missing, Map.of("PATH", tmp.resolve("bin").toString()), home(),
                null).locate()).hasMessageContaining(missing.toString());
    }

    @Test
    void jarEntriesThatEscapeTheFolderAreRefused() throws Exception {
        Path jar = cosAsperaJar(tmp.resolve("evil.jar"), "1", "../../escaped");
        Path base = tmp.resolve("extract");
        assertThatThrownBy(() -> AscpLocator.extract(jar, base)).hasMessageContaining("unsafe jar entry");
        assertThat(tmp.resolve("escaped")).doesNotExist();
        assertThat(base.resolve("1")).doesNotExist();
    }

    /** A jar shaped like IBM's: marker class, ascp, licence; nothing proprietary inside. */
    private static Path cosAsperaJar(Path jar, String version, String ascpEntry) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(AscpLocator.COS_ASPERA_MARKER));
            out.write(new byte[] {(byte) 0xca, (byte) 0xfe});
            out.putNextEntry(new JarEntry("aspera-license"));
            out.write("test licence placeholder".getBytes());
            out.putNextEntry(new JarEntry(ascpEntry));
            out.write("#!/bin/sh\necho stand-in\n".getBytes());
        }
        return jar;
    }
}
