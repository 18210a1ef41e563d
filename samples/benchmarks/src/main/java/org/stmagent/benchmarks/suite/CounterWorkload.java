package org.stmagent.benchmarks.suite;

import java.util.List;

import org.stmagent.benchmarks.rival.TxCounter;
import org.stmagent.benchmarks.workload.counter.AdderCounter;
import org.stmagent.benchmarks.workload.counter.AtomicCounter;
import org.stmagent.benchmarks.workload.counter.Counter;
import org.stmagent.benchmarks.workload.counter.ReentrantLockCounter;
import org.stmagent.benchmarks.workload.counter.SynchronizedCounter;

/**
 * Every operation increments one shared counter, so every two concurrent transactions conflict.
 * Invariant: the final count is the number of increments done.
 */
final class CounterWorkload implements Workload {
    private final Counter counter;
    private final ExpectedCount expected;

    CounterWorkload(Counter counter, int threads) {
        this.counter = counter;
        expected = new ExpectedCount(threads, 0);
    }

    static CounterWorkload create(Variant variant, int threads) {
        return new CounterWorkload(counter(variant), threads);
    }

    private static Counter counter(Variant variant) {
        switch (variant) {
            case SYNCHRONIZED:
            case STM_AGENT:
                return new SynchronizedCounter();
            case STM_AGENT_ATOMIC:
                return new AtomicCounter();
            case REENTRANT_LOCK:
                return new ReentrantLockCounter();
            case CEILING:
                return new AdderCounter();
            default:
                return new TxCounter(variant.rivalStm());
        }
    }

    @Override
    public long operate(Worker worker) {
        counter.increment();
        expected.add(worker, 1);
        return 0;
    }

    @Override
    public void verify() {
        expected.require(counter.value(), "counter");
    }

    @Override
    public List<Class<?>> sourceClasses() {
        return List.of(SynchronizedCounter.class, AtomicCounter.class);
    }
}
