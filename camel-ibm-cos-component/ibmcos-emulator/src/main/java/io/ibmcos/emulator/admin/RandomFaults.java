package io.ibmcos.emulator.admin;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Faults drawn at random, for fault campaigns: each request whose operation is in {@code operations} (empty = every
 * operation) gets, with probability {@code rate}, one of {@code kinds} chosen uniformly. The generator is seeded, so
 * a campaign is reproducible as far as the request order is (concurrent clients make the order vary a little; the
 * injected counts are reported, not assumed). Counts what it injected, per operation and kind, for the report.
 */
public final class RandomFaults {

    private final Random random;
    private final double rate;
    private final List<FaultRule> kinds;
    private final Set<String> operations;
    private final Map<String, Long> injected = new TreeMap<>();

    public RandomFaults(long seed, double rate, List<FaultRule> kinds, Set<String> operations) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("at least one kind of fault is needed");
        }
        this.random = new Random(seed);
        this.rate = rate;
        this.kinds = List.copyOf(kinds);
        this.operations = Set.copyOf(operations);
    }

    /** The fault for this request, or null; called under the lock of {@link Faults}. */
    FaultRule draw(String operation) {
        if (!operations.isEmpty() && !operations.contains(operation)) {
            return null;
        }
        if (random.nextDouble() >= rate) {
            return null;
        }
        FaultRule kind = kinds.get(random.nextInt(kinds.size()));
        injected.merge(operation + " " + describe(kind), 1L, Long::sum);
        return kind;
    }

    /** What was injected: "operation kind" → count. */
    public synchronized Map<String, Long> injected() {
        return new TreeMap<>(injected);
    }

    public long total() {
        return injected().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String describe(FaultRule f) {
        if (f.status() != null) {
            return f.status() + " " + f.code();
        }
        if (f.resetAfterBytes() != null) {
            return "reset after " + f.resetAfterBytes() + " B";
        }
        return "latency " + f.latencyMillis() + " ms";
    }
}
