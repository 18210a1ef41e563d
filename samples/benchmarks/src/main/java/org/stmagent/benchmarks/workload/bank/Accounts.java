package org.stmagent.benchmarks.workload.bank;

/** Accounts holding balances, with transfers between two of them and read-only audits of several. */
public interface Accounts {
    /** Moves {@code amount} from one account to another. */
    void transfer(int from, int to, long amount);

    /** The sum of the balances of the given accounts, ascending and possibly repeated, read at one instant. */
    long audit(int[] accounts);

    /** The sum of all balances; called when no other thread uses the bank. */
    long total();
}
