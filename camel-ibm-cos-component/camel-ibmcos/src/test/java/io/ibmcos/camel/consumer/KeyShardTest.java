package io.ibmcos.camel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyShardTest {

    @Test
    void shardsAreDisjointAndTogetherComplete() {
        List<String> keys = IntStream.range(0, 5000).mapToObj(i -> "dir" + (i % 7) + "/object-" + i + ".json").toList();
        for (int count : new int[] { 1, 2, 3, 8 }) {
            List<String> union = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                KeyShard shard = new KeyShard(count, index);
                List<String> mine = keys.stream().filter(shard::owns).toList();
                assertThat(mine).as("shard %d of %d gets a fair part", index, count)
                        .hasSizeGreaterThan(keys.size() / count / 2);
                union.addAll(mine);
            }
            assertThat(union).hasSize(keys.size());
            assertThat(new HashSet<>(union)).isEqualTo(Set.copyOf(keys));
        }
    }

    @Test
    void theHashIsCrc32OfTheUtf8KeySoEveryReplicaAgrees() {
        // CRC-32("123456789") = 0xCBF43926, the standard check value; UTF-8, not the platform charset
        assertThat(KeyShard.shardOf("123456789", 1000)).isEqualTo((int) (0xCBF43926L % 1000));
        assertThat(KeyShard.shardOf("é", 1 << 30)).isEqualTo((int) (0x0E048D3EL % (1 << 30)));
    }

    @Test
    void indexMustBeWithinTheCount() {
        assertThatThrownBy(() -> new KeyShard(0, 0)).hasMessageContaining("shardCount");
        assertThatThrownBy(() -> new KeyShard(2, 2)).hasMessageContaining("shardIndex");
        assertThatThrownBy(() -> new KeyShard(2, -1)).hasMessageContaining("shardIndex");
    }
}
