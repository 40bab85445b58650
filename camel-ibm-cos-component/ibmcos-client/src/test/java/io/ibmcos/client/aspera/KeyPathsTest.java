package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPathsTest {

    private static final Path ROOT = Path.of("/data/downloads");

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "dir/a.txt", "a..b", "dir/a..b/c", "..a", "a..", "...", "dir//x", "x y/ü.txt"})
    void safeKeysMapInsideTheFolder(String key) {
        Path p = KeyPaths.resolve(ROOT, key);
        assertThat(p).startsWithRaw(ROOT);
        assertThat(p).isNotEqualTo(ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "dir/../../x", "dir/..", "..", "./x", "dir/./x", "/etc/passwd", "\\x", "a\\..\\b",
            "C:x", "c:/x", "a\u0000b", ""})
    void unsafeKeysAreRefusedWithTheKeyNamed(String key) {
        assertThatThrownBy(() -> KeyPaths.resolve(ROOT, key)).isInstanceOf(AsperaException.class)
                .hasMessageContaining("Refusing to download key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", "dir/a..b"})
    void dotsInsideNamesAreNotSegments(String key) {
        assertThat(KeyPaths.problem(key)).isNull();
    }
}
