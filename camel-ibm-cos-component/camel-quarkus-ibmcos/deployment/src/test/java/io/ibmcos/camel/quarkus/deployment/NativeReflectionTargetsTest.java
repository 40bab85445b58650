package io.ibmcos.camel.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.camel.IbmCosComponent;
import io.ibmcos.client.CosClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the derivation over the real ibmcos-client and camel-ibmcos classes, as the build step sees them. */
class NativeReflectionTargetsTest {

    private static IndexView index;

    @BeforeAll
    static void indexOurJars() throws Exception {
        Indexer indexer = new Indexer();
        indexClasses(indexer, CosClient.class);
        indexClasses(indexer, IbmCosComponent.class);
        index = indexer.complete();
    }

    @Test
    void modelTypesAreTheDataRecordsAndEnumsOfTheModelPackage() {
        List<String> types = NativeReflectionTargets.modelTypes(index);

        assertThat(types).contains(
                "io.ibmcos.client.model.ObjectSummary",
                "io.ibmcos.client.model.ObjectListing",
                "io.ibmcos.client.model.ObjectMetadata",
                "io.ibmcos.client.model.LegalHold",
                "io.ibmcos.client.model.RetentionState",
                "io.ibmcos.client.model.Bucket",
                "io.ibmcos.client.model.DeleteObjectsResult$DeleteError",
                "io.ibmcos.client.model.ProtectionConfiguration$Status",
                "io.ibmcos.client.model.MetadataDirective");
        assertThat(types).allMatch(name -> name.startsWith("io.ibmcos.client.model."));
    }

    @Test
    void typesThatCarryContentAreLeftOut() {
        assertThat(NativeReflectionTargets.modelTypes(index)).doesNotContain(
                "io.ibmcos.client.model.GetObjectResponse",       // InputStream component
                "io.ibmcos.client.model.PutObjectRequest",        // Payload component
                "io.ibmcos.client.model.UploadPartRequest",
                "io.ibmcos.client.model.Payload",
                "io.ibmcos.client.model.Payload$Bytes",
                "io.ibmcos.client.model.BoundedInputStream",      // an InputStream, not data
                "io.ibmcos.client.model.ObjectHeaders$Builder");  // not a record
    }

    @Test
    void optionEnumsAreTheEnumTypedUriParams() {
        assertThat(NativeReflectionTargets.optionEnums(index)).contains(
                "io.ibmcos.camel.IbmCosOperation",
                "io.ibmcos.camel.ChecksumMode",
                "io.ibmcos.client.auth.CredentialType",
                "io.ibmcos.client.model.PresignRequest$Method")
                .allMatch(name -> name.startsWith("io.ibmcos."));
    }

    /** Indexes every class of the jar (or classes directory) that holds {@code anchor}. */
    private static void indexClasses(Indexer indexer, Class<?> anchor) throws Exception {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            indexTree(indexer, location);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location.toUri()), Map.of())) {
                indexTree(indexer, jar.getPath("/"));
            }
        }
    }

    private static void indexTree(Indexer indexer, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                if (file.getFileName().toString().equals("module-info.class")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
    }
}
