package org.stmagent.benchmarks.workload.intset;

/**
 * A set as an ordinary program shares it: every operation under one global {@code synchronized}
 * lock. Under the agent the same class runs its blocks as transactions.
 */
public final class SynchronizedIntSet implements IntSet {
    private final IntSet set;
    private final Object lock = new Object();

    public SynchronizedIntSet(IntSet set) {
        this.set = set;
    }

    @Override
    public boolean contains(int key) {
        synchronized (lock) {
            return set.contains(key);
        }
    }

    @Override
    public boolean add(int key) {
        synchronized (lock) {
            return set.add(key);
        }
    }

    @Override
    public boolean remove(int key) {
        synchronized (lock) {
            return set.remove(key);
        }
    }

    @Override
    public int checkedSize(int keyRange) {
        synchronized (lock) {
            return set.checkedSize(keyRange);
        }
    }
}
