package org.stmagent.benchmarks.workload.hashmap;

import java.util.concurrent.locks.ReentrantLock;

/** The map under one global {@link ReentrantLock}. */
public final class ReentrantLockIntMap implements IntMap {
    private final OpenAddressingMap map;
    private final ReentrantLock lock = new ReentrantLock();

    public ReentrantLockIntMap(int capacity) {
        map = new OpenAddressingMap(capacity);
    }

    @Override
    public int get(int key) {
        lock.lock();
        try {
            return map.get(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean put(int key, int value) {
        lock.lock();
        try {
            return map.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(int key) {
        lock.lock();
        try {
            return map.remove(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int checkedSize(int keyRange) {
        lock.lock();
        try {
            return map.checkedSize(keyRange);
        } finally {
            lock.unlock();
        }
    }
}
