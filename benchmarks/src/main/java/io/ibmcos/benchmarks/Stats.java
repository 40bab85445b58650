package io.ibmcos.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Throughputs (MiB/s) of one server × client × source over the rounds, the MiB uploaded per CPU second of this
 * process, and the first failure, if any.
 */
final class Stats {

    private final List<Double> mibPerSecond = new ArrayList<>();
    private final List<Double> mibPerCpuSecond = new ArrayList<>();
    private String failure;

    void add(double value, double perCpuSecond) {
        mibPerSecond.add(value);
        mibPerCpuSecond.add(perCpuSecond);
    }

    /** Median MiB per CPU second (all threads of this JVM, servers included), or NaN when unknown. */
    double medianPerCpuSecond() {
        return median(mibPerCpuSecond);
    }

    void fail(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    String failure() {
        return failure;
    }

    int count() {
        return mibPerSecond.size();
    }

    double median() {
        return median(mibPerSecond);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted().isEmpty() ? Double.NaN : sorted().get(0);
    }

    double max() {
        List<Double> sorted = sorted();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> copy = new ArrayList<>(mibPerSecond);
        copy.sort(null);
        return copy;
    }
}
