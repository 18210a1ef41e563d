package org.stmagent.benchmarks.rival;

import org.stmagent.benchmarks.workload.counter.Counter;

/** The counter on a {@link RivalStm}: one cell, every increment one atomic block. */
public final class TxCounter implements Counter {
    private final RivalStm stm;
    private final TxLong count;
    private final Runnable increment;

    public TxCounter(RivalStm stm) {
        this.stm = stm;
        count = stm.newLong(0);
        increment = () -> count.set(count.get() + 1);
    }

    @Override
    public void increment() {
        stm.atomic(increment);
    }

    @Override
    public long value() {
        return stm.atomicLong(count::get);
    }
}
