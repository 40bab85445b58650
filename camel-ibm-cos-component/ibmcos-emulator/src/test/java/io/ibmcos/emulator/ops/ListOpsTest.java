package io.ibmcos.emulator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibmcos.emulator.protocol.KeyOrder;
import io.ibmcos.emulator.storage.BucketRecord;
import io.ibmcos.emulator.storage.MemoryStorage;
import io.ibmcos.emulator.storage.ObjectRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListOpsTest {
    static MemoryStorage storage(String... keys) throws Exception {
        MemoryStorage s = new MemoryStorage();
        s.createBucket(new BucketRecord("b", Instant.EPOCH, "i", "us-standard", null, null, null));
        for (String k : keys) {
            s.putObject("b", new ObjectRecord(k, 0, "d41d8cd98f00b204e9800998ecf8427e", Instant.EPOCH, Map.of(), Map.of(), null,
                    List.of(), List.of()));
        }
        return s;
    }

    @Test
    void pagesWithDelimiterNeverRepeatOrLoseEntries() throws Exception {
        ListOps ops = new ListOps(storage("a/1", "a/2", "a/3", "b", "c/x/1", "c/y", "d"));
        List<String> all = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 20; guard++) {
            ListOps.Page p = ops.scan("b", null, "/", after, 1);
            p.contents().forEach(o -> all.add(o.key()));
            all.addAll(p.prefixes());
            if (!p.truncated()) {
                break;
            }
            after = p.last();
        }
        assertThat(all).containsExactly("a/", "b", "c/", "d");
    }

    @Test
    void prefixAndStartAfter() throws Exception {
        ListOps ops = new ListOps(storage("a", "p/1", "p/2", "p/3", "q"));
        assertThat(ops.scan("b", "p/", null, null, 1000).contents()).extracting(ObjectRecord::key)
                .containsExactly("p/1", "p/2", "p/3");
        assertThat(ops.scan("b", "p/", null, "p/1", 1000).contents()).extracting(ObjectRecord::key).containsExactly("p/2", "p/3");
        assertThat(ops.scan("b", "p/", null, "zzz", 1000).contents()).isEmpty();
        ListOps.Page page = ops.scan("b", null, null, null, 2);
        assertThat(page.truncated()).isTrue();
        assertThat(page.last()).isEqualTo("p/1");
    }

    @Test
    void keyOrderIsUtf8ByteOrder() {
        assertThat(KeyOrder.INSTANCE.compare("\uFFFD", "\uD83D\uDE00")).isNegative();
        assertThat("\uFFFD".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(KeyOrder.INSTANCE.compare("a", "ab")).isNegative();
        assertThat(KeyOrder.INSTANCE.compare("b", "ab")).isPositive();
    }

    @Test
    void bucketNames() {
        assertThat(BucketNames.problem("my-bucket.1")).isNull();
        for (String bad : List.of("ab", "Upper", "-start", "end-", "a..b", "a--b", "a.-b", "192.168.1.1", "cosv1-x",
                "account-x", "_emulator", "x".repeat(64))) {
            assertThat(BucketNames.problem(bad)).as(bad).isNotNull();
        }
    }
}
