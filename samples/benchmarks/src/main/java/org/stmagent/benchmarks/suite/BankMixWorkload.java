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
 * random accounts (5%). Invariant: the total of all balances never changes. With disjoint shares,
 * each thread transfers only between accounts of its own share (the accounts split evenly among
 * the threads) and audits all of them: the threads then write no common data, and what a second
 * thread costs is the runtime's own shared state.
 */
final class BankMixWorkload implements Workload {
    static final long INITIAL_BALANCE = 1_000_000;
    static final int AUDITED_ACCOUNTS = 16;

    private final Accounts bank;
    private final int accounts;
    private final int shares;

    BankMixWorkload(Accounts bank, int accounts, int shares) {
        this.bank = bank;
        this.accounts = accounts;
        this.shares = shares;
    }

    static BankMixWorkload create(Variant variant, int accounts) {
        return new BankMixWorkload(bank(variant, accounts), accounts, 1);
    }

    /** Each of {@code threads} threads transfers within its own share of the accounts. */
    static BankMixWorkload disjoint(Variant variant, int accounts, int threads) {
        return new BankMixWorkload(bank(variant, accounts), accounts, threads);
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
            int share = accounts / shares;
            int first = worker.index() % shares * share;
            int from = worker.nextInt(share);
            int to = (from + 1 + worker.nextInt(share - 1)) % share;
            bank.transfer(first + from, first + to, 1 + worker.nextInt(100));
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
