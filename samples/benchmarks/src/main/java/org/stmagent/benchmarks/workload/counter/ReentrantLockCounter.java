package org.stmagent.benchmarks.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/** The counter under a {@link ReentrantLock}. */
public final class ReentrantLockCounter implements Counter {
    private long count;
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long value() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
