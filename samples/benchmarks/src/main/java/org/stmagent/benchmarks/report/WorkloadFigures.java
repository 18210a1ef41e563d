package org.stmagent.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.stmagent.benchmarks.suite.Variant;

/**
 * The results of one workload, ordered by variant (the suite's order, others after) and thread
 * count, with the two ratios the report shows: against {@code synchronized} at the same thread count,
 * and against the same variant with one thread.
 */
final class WorkloadFigures {
    static final String BASELINE = Variant.SYNCHRONIZED.id();

    private final String workload;
    private final List<Result> results;

    WorkloadFigures(String workload, List<Result> results) {
        this.workload = workload;
        this.results = new ArrayList<>(results);
        this.results.sort(Comparator.comparingInt((Result r) -> variantRank(r.variant()))
                .thenComparing(Result::variant).thenComparingInt(Result::threads));
    }

    String workload() {
        return workload;
    }

    List<Result> results() {
        return results;
    }

    List<String> variants() {
        List<String> variants = new ArrayList<>();
        for (Result result : results) {
            if (!variants.contains(result.variant())) {
                variants.add(result.variant());
            }
        }
        return variants;
    }

    List<Integer> threadCounts() {
        TreeSet<Integer> counts = new TreeSet<>();
        results.forEach(r -> counts.add(r.threads()));
        return new ArrayList<>(counts);
    }

    Optional<Result> find(String variant, int threads) {
        return results.stream().filter(r -> r.variant().equals(variant) && r.threads() == threads).findFirst();
    }

    /** Throughput over {@code synchronized}'s at the same thread count; NaN when that is missing. */
    double versusSynchronized(Result result) {
        return find(BASELINE, result.threads()).map(base -> result.score() / base.score()).orElse(Double.NaN);
    }

    /** Throughput over the same variant's with one thread; NaN when that is missing. */
    double versusOneThread(Result result) {
        return find(result.variant(), 1).map(one -> result.score() / one.score()).orElse(Double.NaN);
    }

    private static int variantRank(String id) {
        for (Variant variant : Variant.values()) {
            if (variant.id().equals(id)) {
                return variant.ordinal();
            }
        }
        return Variant.values().length;
    }
}
