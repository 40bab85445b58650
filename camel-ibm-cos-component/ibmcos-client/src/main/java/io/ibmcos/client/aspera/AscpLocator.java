package io.ibmcos.client.aspera;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code ascp} executable, in this order: the explicit path option; the environment variable
 * {@value #ENV_VAR}; an installation under {@code ~/.aspera/} (IBM SDK extraction {@code cos-aspera/<version>/},
 * aspera-cli {@code sdk/}, Aspera Connect {@code connect/bin/}); IBM's optional {@code cos-aspera} jar on the
 * classpath, extracted to {@code ~/.aspera/cos-aspera/<version>/}; {@code ascp} on the {@code PATH}. Fails with a
 * message listing every place it looked. ascp is never bundled with this project (IBM licence).
 */
public final class AscpLocator {

    public static final String ENV_VAR = "IBMCOS_ASCP_PATH";
    /** A class inside IBM's {@code cos-aspera} jar, used to find the jar on the classpath. */
    static final String COS_ASPERA_MARKER = "com/ibm/aspera/faspmanager2/faspmanager2.class";

    private final Path explicit;
    private final Map<String, String> environment;
    private final Path home;
    private final ClassLoader classLoader;

    /**
     * @param explicit    the configured path, or null
     * @param environment the process environment (tests pass their own)
     * @param home        the user's home folder
     * @param classLoader where to look for IBM's {@code cos-aspera} jar
     */
    public AscpLocator(Path explicit, Map<String, String> environment, Path home, ClassLoader classLoader) {
        this.explicit = explicit;
        this.environment = environment;
        this.home = home;
        this.classLoader = classLoader;
    }

    /** A locator over this JVM's environment, home folder and class path. */
    public static AscpLocator system(Path explicit) {
        return new AscpLocator(explicit, System.getenv(), Path.of(System.getProperty("user.home")),
                AscpLocator.class.getClassLoader());
    }

    /** The executable, or an {@link AsperaException} naming every place searched. */
    public Path locate() {
        List<String> looked = new ArrayList<>();
        if (explicit != null) {
            if (usable(explicit)) {
                return explicit;
            }
            // an explicit path that does not work is an error, not a reason to run some other ascp
            throw new AsperaException("The configured ascp path " + explicit + " is not an executable file");
        }
        String fromEnv = environment.get(ENV_VAR);
        looked.add("environment variable " + ENV_VAR + (fromEnv == null ? " (not set)" : " = " + fromEnv));
        if (fromEnv != null && !fromEnv.isBlank() && usable(Path.of(fromEnv.strip()))) {
            return Path.of(fromEnv.strip());
        }
        Path aspera = home.resolve(".aspera");
        for (Path candidate : installations(aspera)) {
            looked.add(candidate.toString());
            if (usable(candidate)) {
                return candidate;
            }
        }
        looked.add("IBM's cos-aspera jar on the classpath");
        Path extracted = fromClasspathJar(aspera.resolve("cos-aspera"));
        if (extracted != null) {
            return extracted;
        }
        String path = environment.getOrDefault("PATH", "");
        looked.add("PATH (" + path + ")");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir).resolve("ascp");
                if (usable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AsperaException("No ascp executable found. Looked at: " + String.join("; ", looked) + ". Set the "
                + "ascp path option, set " + ENV_VAR + ", install Aspera, or add IBM's com.ibm.cos-aspera artifact "
                + "(IBM licence) to the classpath");
    }

    private static List<Path> installations(Path aspera) {
        List<Path> out = new ArrayList<>();
        Path cosAspera = aspera.resolve("cos-aspera");
        if (Files.isDirectory(cosAspera)) {
            try (Stream<Path> versions = Files.list(cosAspera)) {
                versions.filter(Files::isDirectory).sorted(Comparator.reverseOrder())
                        .forEach(v -> out.add(v.resolve("ascp")));
            } catch (IOException e) {
                // unreadable: treated as absent, and listed as searched
            }
        }
        out.add(aspera.resolve("sdk").resolve("ascp"));
        out.add(aspera.resolve("connect").resolve("bin").resolve("ascp"));
        return out;
    }

    /** Extracts IBM's jar (once per version) and returns its ascp, or null when the jar is not on the classpath. */
    Path fromClasspathJar(Path extractBase) {
        URL marker = classLoader == null ? null : classLoader.getResource(COS_ASPERA_MARKER);
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            return null;
        }
        String spec = marker.getPath();
        int bang = spec.indexOf("!/");
        Path jar;
        try {
            jar = Path.of(new URL(spec.substring(0, bang)).toURI());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new AsperaException("Cannot open IBM's cos-aspera jar at " + spec, e);
        }
        return extract(jar, extractBase);
    }

    /** Extracts every non-class entry of {@code jar} to {@code base/<version>/} safely and returns its ascp. */
    static Path extract(Path jar, Path base) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String version = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Implementation-Version");
            String folder = version == null || !version.matches("[A-Za-z0-9._-]+") ? "unversioned" : version;
            Path target = base.resolve(folder);
            if (!Files.isDirectory(target)) {
                Files.createDirectories(base);
                Path staging = Files.createTempDirectory(base, folder + ".tmp");
                for (JarEntry entry : java.util.Collections.list(file.entries())) {
                    copyEntry(file, entry, staging);
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    deleteTree(staging); // another JVM extracted it first
                } catch (IOException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                    deleteTree(staging);
                }
            }
            Path ascp = target.resolve("ascp");
            if (!Files.isRegularFile(ascp)) {
                throw new AsperaException("IBM's cos-aspera jar " + jar + " contains no ascp");
            }
            if (!Files.isExecutable(ascp) && !ascp.toFile().setExecutable(true, true)) {
                throw new AsperaException("Cannot make " + ascp + " executable");
            }
            return ascp;
        } catch (IOException e) {
            throw new AsperaException("Cannot extract IBM's cos-aspera jar " + jar + ": " + e, e);
        }
    }

    private static void copyEntry(JarFile file, JarEntry entry, Path staging) throws IOException {
        String name = entry.getName();
        if (entry.isDirectory() || name.endsWith(".class") || name.startsWith("META-INF/")) {
            return;
        }
        Path out = staging.resolve(name).normalize();
        // a crafted entry ("../../.bashrc", "/etc/x") must not write outside the folder
        if (name.startsWith("/") || name.contains("\\") || !out.startsWith(staging) || out.equals(staging)) {
            throw new AsperaException("Refusing the unsafe jar entry " + name);
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, out);
        }
    }

    private static boolean usable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
