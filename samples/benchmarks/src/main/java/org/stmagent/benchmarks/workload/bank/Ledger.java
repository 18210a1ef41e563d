package org.stmagent.benchmarks.workload.bank;

import java.util.Arrays;

/** The balances and the arithmetic on them, with no synchronization: the callers hold a lock. */
final class Ledger {
    private final long[] balances;

    Ledger(int accounts, long initialBalance) {
        balances = new long[accounts];
        Arrays.fill(balances, initialBalance);
    }

    void transfer(int from, int to, long amount) {
        balances[from] -= amount;
        balances[to] += amount;
    }

    long audit(int[] accounts) {
        long sum = 0;
        for (int account : accounts) {
            sum += balances[account];
        }
        return sum;
    }

    long total() {
        long sum = 0;
        for (long balance : balances) {
            sum += balance;
        }
        return sum;
    }
}
