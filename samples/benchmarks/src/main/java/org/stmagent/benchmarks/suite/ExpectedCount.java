package org.stmagent.benchmarks.suite;

/**
 * What a structure's count should be: its count at the start plus per-thread counts of what the
 * operations changed (keys added less keys removed, increments), summed once at the end. Each
 * thread's count sits on a cache line of its own, so counting adds no sharing between the threads.
 */
final class ExpectedCount {
    private static final int STRIDE = 16;

    private final long initial;
    private final long[] counts;

    ExpectedCount(int threads, long initial) {
        this.initial = initial;
        counts = new long[(threads + 1) * STRIDE];
    }

    void add(Worker worker, long delta) {
        counts[(worker.index() + 1) * STRIDE] += delta;
    }

    /** Throws {@link IllegalStateException} unless {@code actual} is the count at the start plus all changes. */
    void require(long actual, String what) {
        long expected = initial;
        for (int i = STRIDE; i < counts.length; i += STRIDE) {
            expected += counts[i];
        }
        if (actual != expected) {
            throw new IllegalStateException(what + " broken: count " + actual + ", expected " + expected);
        }
    }
}
