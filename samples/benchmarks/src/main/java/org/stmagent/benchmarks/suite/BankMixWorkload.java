package org.stmagent.benchmarks.suite;

import java.util.List;

import org.stmagent.benchmarks.rival.TxBank;
import org.stmagent.benchmarks.workload.bank.Accounts;
import org.stmagent.benchmarks.workload.bank.AtomicMethodsBank;
import org.stmagent.benchmarks.workload.bank.PerAccountLockBank;
import org.stmagent.benchmarks.workload.bank.ReentrantLockBank;
import org.stmagent.benchmarks.workload.bank.SynchronizedBank;

/**
 * Transfers of a random amount between two different random accounts (95%) and audits summing 16
 * random accounts (5%). Invariant: the total of all balances never changes.
 */
final class BankMixWorkload implements Workload {
    static final long INITIAL_BALANCE = 1_000_000;
    static final int AUDITED_ACCOUNTS = 16;

    private final Accounts bank;
    private final int accounts;

    BankMixWorkload(Accounts bank, int accounts) {
        this.bank = bank;
        this.accounts = accounts;
    }

    static BankMixWorkload create(Variant variant, int accounts) {
        return new BankMixWorkload(bank(variant, accounts), accounts);
    }

    private static Accounts bank(Variant variant, int accounts) {
        switch (variant) {
            case SYNCHRONIZED:
            case STM_AGENT:
                return new SynchronizedBank(accounts, INITIAL_BALANCE);
            case STM_AGENT_ATOMIC:
                return new AtomicMethodsBank(accounts, INITIAL_BALANCE);
            case REENTRANT_LOCK:
                return new ReentrantLockBank(accounts, INITIAL_BALANCE);
            case CEILING:
                return new PerAccountLockBank(accounts, INITIAL_BALANCE);
            default:
                return new TxBank(variant.rivalStm(), accounts, INITIAL_BALANCE);
        }
    }

    @Override
    public long operate(Worker worker) {
        if (worker.nextInt(100) < 95) {
            int from = worker.nextInt(accounts);
            int to = (from + 1 + worker.nextInt(accounts - 1)) % accounts;
            bank.transfer(from, to, 1 + worker.nextInt(100));
            return from;
        }
        return bank.audit(worker.sortedSample(AUDITED_ACCOUNTS, accounts));
    }

    @Override
    public void verify() {
        long total = bank.total();
        long expected = INITIAL_BALANCE * accounts;
        if (total != expected) {
            throw new IllegalStateException("bank broken: total " + total + ", expected " + expected);
        }
    }

    @Override
    public List<Class<?>> sourceClasses() {
        return List.of(SynchronizedBank.class, AtomicMethodsBank.class);
    }
}
