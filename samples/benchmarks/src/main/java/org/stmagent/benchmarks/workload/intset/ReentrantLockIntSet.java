package org.stmagent.benchmarks.workload.intset;

import java.util.concurrent.locks.ReentrantLock;

/** A set under one global {@link ReentrantLock}. */
public final class ReentrantLockIntSet implements IntSet {
    private final IntSet set;
    private final ReentrantLock lock = new ReentrantLock();

    public ReentrantLockIntSet(IntSet set) {
        this.set = set;
    }

    @Override
    public boolean contains(int key) {
        lock.lock();
        try {
            return set.contains(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean add(int key) {
        lock.lock();
        try {
            return set.add(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(int key) {
        lock.lock();
        try {
            return set.remove(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int checkedSize(int keyRange) {
        lock.lock();
        try {
            return set.checkedSize(keyRange);
        } finally {
            lock.unlock();
        }
    }
}
