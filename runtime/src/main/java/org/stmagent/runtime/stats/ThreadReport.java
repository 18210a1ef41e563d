package org.stmagent.runtime.stats;

import java.util.Arrays;

/** A copy of one thread's statistics (or of their sum), taken for a report. */
public final class ThreadReport {
    private final String threadName;
    private final long threadId;
    private final long[] counts;
    private final long[] nanos;
    private final long lifetimeNanos;
    private final boolean alive;

    ThreadReport(String threadName, long threadId, long[] counts, long[] nanos, long lifetimeNanos, boolean alive) {
        this.threadName = threadName;
        this.threadId = threadId;
        this.counts = counts;
        this.nanos = nanos;
        this.lifetimeNanos = lifetimeNanos;
        this.alive = alive;
    }

    public static ThreadReport sum(String name, Iterable<ThreadReport> reports) {
        int states = TimedState.values().length;
        long[] counts = new long[states];
        long[] nanos = new long[states];
        long lifetime = 0;
        for (ThreadReport r : reports) {
            for (int i = 0; i < states; i++) {
                counts[i] += r.counts[i];
                nanos[i] += r.nanos[i];
            }
            lifetime += r.lifetimeNanos;
        }
        return new ThreadReport(name, -1, counts, nanos, lifetime, false);
    }

    public String threadName() {
        return threadName;
    }

    public long threadId() {
        return threadId;
    }

    public long count(TimedState state) {
        return counts[state.ordinal()];
    }

    public long nanos(TimedState state) {
        return nanos[state.ordinal()];
    }

    /** Nanoseconds since the thread's first transaction (summed over threads for a total). */
    public long lifetimeNanos() {
        return lifetimeNanos;
    }

    /** Nanoseconds charged to any state; short of the lifetime by the time since the last mark. */
    public long chargedNanos() {
        return Arrays.stream(nanos).sum();
    }

    public long committed() {
        return count(TimedState.RUN_COMMITTED);
    }

    public long aborted() {
        return count(TimedState.RUN_ABORTED_WRITE_WRITE) + count(TimedState.RUN_ABORTED_WRITE_READ)
                + count(TimedState.RUN_ABORTED_INEVITABLE) + count(TimedState.RUN_ABORTED_OTHER);
    }

    public boolean alive() {
        return alive;
    }
}
