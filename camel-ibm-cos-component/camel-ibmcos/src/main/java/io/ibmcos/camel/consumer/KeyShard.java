package io.ibmcos.camel.consumer;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Static partition of a bucket's keys between {@code count} consumers: a key belongs to shard
 * {@code CRC-32(UTF-8 bytes of the key) mod count}. CRC-32 is fixed by ISO 3309 and the JDK, so every replica, JVM
 * version and language computes the same shard for a key, and the shards are disjoint and together complete.
 */
public record KeyShard(int count, int index) {

    public static final KeyShard ALL = new KeyShard(1, 0);

    public KeyShard {
        if (count < 1) {
            throw new IllegalArgumentException("Option shardCount must be at least 1, but was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("Option shardIndex must be between 0 and shardCount - 1 ("
                    + (count - 1) + "), but was " + index);
        }
    }

    public static int shardOf(String key, int count) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count);
    }

    public boolean owns(String key) {
        return count == 1 || shardOf(key, count) == index;
    }
}
