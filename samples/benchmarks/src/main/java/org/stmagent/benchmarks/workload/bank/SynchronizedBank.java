package org.stmagent.benchmarks.workload.bank;

/**
 * The bank as an ordinary program writes it: every operation under one global {@code synchronized}
 * lock. Under the agent the same class runs its blocks as transactions.
 */
public final class SynchronizedBank implements Accounts {
    private final Ledger ledger;
    private final Object lock = new Object();

    public SynchronizedBank(int accounts, long initialBalance) {
        ledger = new Ledger(accounts, initialBalance);
    }

    @Override
    public void transfer(int from, int to, long amount) {
        synchronized (lock) {
            ledger.transfer(from, to, amount);
        }
    }

    @Override
    public long audit(int[] accounts) {
        synchronized (lock) {
            return ledger.audit(accounts);
        }
    }

    @Override
    public long total() {
        synchronized (lock) {
            return ledger.total();
        }
    }
}
