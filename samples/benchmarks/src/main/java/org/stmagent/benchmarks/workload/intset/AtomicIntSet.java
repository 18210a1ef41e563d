package org.stmagent.benchmarks.workload.intset;

import org.stmagent.annotations.Atomic;

/** A set with {@link Atomic} methods instead of a lock: only meaningful under the agent. */
public final class AtomicIntSet implements IntSet {
    private final IntSet set;

    public AtomicIntSet(IntSet set) {
        this.set = set;
    }

    @Atomic
    @Override
    public boolean contains(int key) {
        return set.contains(key);
    }

    @Atomic
    @Override
    public boolean add(int key) {
        return set.add(key);
    }

    @Atomic
    @Override
    public boolean remove(int key) {
        return set.remove(key);
    }

    @Atomic
    @Override
    public int checkedSize(int keyRange) {
        return set.checkedSize(keyRange);
    }
}
