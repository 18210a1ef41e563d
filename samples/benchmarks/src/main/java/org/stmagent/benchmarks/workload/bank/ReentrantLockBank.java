package org.stmagent.benchmarks.workload.bank;

import java.util.concurrent.locks.ReentrantLock;

/** The bank under one global {@link ReentrantLock}. */
public final class ReentrantLockBank implements Accounts {
    private final Ledger ledger;
    private final ReentrantLock lock = new ReentrantLock();

    public ReentrantLockBank(int accounts, long initialBalance) {
        ledger = new Ledger(accounts, initialBalance);
    }

    @Override
    public void transfer(int from, int to, long amount) {
        lock.lock();
        try {
            ledger.transfer(from, to, amount);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long audit(int[] accounts) {
        lock.lock();
        try {
            return ledger.audit(accounts);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long total() {
        lock.lock();
        try {
            return ledger.total();
        } finally {
            lock.unlock();
        }
    }
}
