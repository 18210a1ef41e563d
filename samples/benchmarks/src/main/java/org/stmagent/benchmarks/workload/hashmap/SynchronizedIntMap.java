package org.stmagent.benchmarks.workload.hashmap;

/**
 * The map as an ordinary program shares it: every operation under one global {@code synchronized}
 * lock. Under the agent the same class runs its blocks as transactions.
 */
public final class SynchronizedIntMap implements IntMap {
    private final OpenAddressingMap map;
    private final Object lock = new Object();

    public SynchronizedIntMap(int capacity) {
        map = new OpenAddressingMap(capacity);
    }

    @Override
    public int get(int key) {
        synchronized (lock) {
            return map.get(key);
        }
    }

    @Override
    public boolean put(int key, int value) {
        synchronized (lock) {
            return map.put(key, value);
        }
    }

    @Override
    public boolean remove(int key) {
        synchronized (lock) {
            return map.remove(key);
        }
    }

    @Override
    public int checkedSize(int keyRange) {
        synchronized (lock) {
            return map.checkedSize(keyRange);
        }
    }
}
