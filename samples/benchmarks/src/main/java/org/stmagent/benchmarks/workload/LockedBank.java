package org.stmagent.benchmarks.workload;

import java.util.Arrays;

/**
 * A bank as an ordinary program writes it: balances in a {@code long[]}, every transfer and every
 * audit under one global {@code synchronized} lock. It uses no STM API; under the agent (with this
 * package included) its {@code synchronized} blocks become transactions.
 */
public final class LockedBank {
    private final long[] balances;
    private final Object lock = new Object();

    public LockedBank(int accounts, long initialBalance) {
        balances = new long[accounts];
        Arrays.fill(balances, initialBalance);
    }

    public int accounts() {
        return balances.length;
    }

    /** Moves {@code amount} from one account to another. */
    public void transfer(int from, int to, long amount) {
        synchronized (lock) {
            balances[from] -= amount;
            balances[to] += amount;
        }
    }

    /** The sum of all balances, read under the lock. */
    public long total() {
        long total = 0;
        synchronized (lock) {
            for (int i = 0; i < balances.length; i++) {
                total += balances[i];
            }
        }
        return total;
    }
}
