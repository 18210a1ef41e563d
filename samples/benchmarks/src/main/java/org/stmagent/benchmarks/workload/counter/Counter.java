package org.stmagent.benchmarks.workload.counter;

/** One shared count. */
public interface Counter {
    void increment();

    /** The count; called when no other thread uses the counter. */
    long value();
}
