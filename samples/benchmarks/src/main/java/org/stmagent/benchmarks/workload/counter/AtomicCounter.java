package org.stmagent.benchmarks.workload.counter;

import org.stmagent.annotations.Atomic;

/** The counter with {@link Atomic} methods instead of a lock: only meaningful under the agent. */
public final class AtomicCounter implements Counter {
    private long count;

    @Atomic
    @Override
    public void increment() {
        count++;
    }

    @Atomic
    @Override
    public long value() {
        return count;
    }
}
