package org.stmagent.benchmarks.workload.intset;

import java.util.concurrent.ConcurrentSkipListSet;

/** The hand-tuned set: {@link ConcurrentSkipListSet}, lock-free, what a Java programmer would pick. */
public final class ConcurrentIntSet implements IntSet {
    private final ConcurrentSkipListSet<Integer> set = new ConcurrentSkipListSet<>();

    @Override
    public boolean contains(int key) {
        return set.contains(key);
    }

    @Override
    public boolean add(int key) {
        return set.add(key);
    }

    @Override
    public boolean remove(int key) {
        return set.remove(key);
    }

    @Override
    public int checkedSize(int keyRange) {
        int previous = -1;
        for (int key : set) {
            SetChecks.requireAscending(previous, key, keyRange);
            previous = key;
        }
        return set.size();
    }
}
