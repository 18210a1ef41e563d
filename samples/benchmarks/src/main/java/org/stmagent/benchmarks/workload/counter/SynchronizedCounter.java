package org.stmagent.benchmarks.workload.counter;

/**
 * The counter as an ordinary program shares it: a field under one {@code synchronized} lock. Under
 * the agent the same class runs its blocks as transactions, every one of which conflicts.
 */
public final class SynchronizedCounter implements Counter {
    private long count;
    private final Object lock = new Object();

    @Override
    public void increment() {
        synchronized (lock) {
            count++;
        }
    }

    @Override
    public long value() {
        synchronized (lock) {
            return count;
        }
    }
}
