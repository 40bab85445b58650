package io.ibmcos.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Throughputs (MiB/s) of one server × client × source over the rounds, and the first failure, if any. */
final class Stats {

    private final List<Double> mibPerSecond = new ArrayList<>();
    private String failure;

    void add(double value) {
        mibPerSecond.add(value);
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
        List<Double> sorted = sorted();
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
