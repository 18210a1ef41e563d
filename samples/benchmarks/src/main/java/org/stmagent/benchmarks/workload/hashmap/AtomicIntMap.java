package org.stmagent.benchmarks.workload.hashmap;

import org.stmagent.annotations.Atomic;

/** The map with {@link Atomic} methods instead of a lock: only meaningful under the agent. */
public final class AtomicIntMap implements IntMap {
    private final OpenAddressingMap map;

    public AtomicIntMap(int capacity) {
        map = new OpenAddressingMap(capacity);
    }

    @Atomic
    @Override
    public int get(int key) {
        return map.get(key);
    }

    @Atomic
    @Override
    public boolean put(int key, int value) {
        return map.put(key, value);
    }

    @Atomic
    @Override
    public boolean remove(int key) {
        return map.remove(key);
    }

    @Atomic
    @Override
    public int checkedSize(int keyRange) {
        return map.checkedSize(keyRange);
    }
}
