package io.ibmcos.benchmarks.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in log-spaced buckets (2 % wide, 1 µs to ~20 min): constant memory however long the run, lock-free
 * recording from many threads, percentiles to within the bucket width.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.02;
    private static final int BUCKETS = (int) Math.ceil(Math.log(1.2e9) / Math.log(GROWTH)) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        long micros = Math.max(1, nanos / 1000);
        int bucket = (int) Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / Math.log(GROWTH)));
        counts.incrementAndGet(bucket);
    }

    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The upper edge, in milliseconds, of the bucket holding quantile {@code q}. */
    double percentileMillis(double q) {
        long total = count();
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank && seen > 0) {
                return Math.pow(GROWTH, i + 1) / 1000.0;
            }
        }
        return 0;
    }
}
