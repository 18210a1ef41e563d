package org.stmagent.benchmarks.workload.bank;

import org.stmagent.annotations.Atomic;

/** The bank with {@link Atomic} methods instead of a lock: only meaningful under the agent. */
public final class AtomicMethodsBank implements Accounts {
    private final Ledger ledger;

    public AtomicMethodsBank(int accounts, long initialBalance) {
        ledger = new Ledger(accounts, initialBalance);
    }

    @Atomic
    @Override
    public void transfer(int from, int to, long amount) {
        ledger.transfer(from, to, amount);
    }

    @Atomic
    @Override
    public long audit(int[] accounts) {
        return ledger.audit(accounts);
    }

    @Atomic
    @Override
    public long total() {
        return ledger.total();
    }
}
