package org.stmagent.benchmarks.workload.counter;

import java.util.concurrent.atomic.LongAdder;

/** The hand-tuned counter: a {@link LongAdder}, whose threads add to cells of their own. */
public final class AdderCounter implements Counter {
    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
        count.increment();
    }

    @Override
    public long value() {
        return count.sum();
    }
}
