package org.stmagent.benchmarks.workload.bank;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-tuned bank: one lock per account, taken in ascending account order so that no two
 * operations deadlock. Transfers between different accounts run in parallel, and an audit still
 * reads its accounts at one instant.
 */
public final class PerAccountLockBank implements Accounts {
    private final long[] balances;
    private final ReentrantLock[] locks;

    public PerAccountLockBank(int accounts, long initialBalance) {
        balances = new long[accounts];
        Arrays.fill(balances, initialBalance);
        locks = new ReentrantLock[accounts];
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    @Override
    public void transfer(int from, int to, long amount) {
        ReentrantLock first = locks[Math.min(from, to)];
        ReentrantLock second = locks[Math.max(from, to)];
        first.lock();
        second.lock();
        try {
            balances[from] -= amount;
            balances[to] += amount;
        } finally {
            second.unlock();
            first.unlock();
        }
    }

    @Override
    public long audit(int[] accounts) {
        int locked = 0;
        try {
            for (; locked < accounts.length; locked++) {
                if (locked == 0 || accounts[locked] != accounts[locked - 1]) {
                    locks[accounts[locked]].lock();
                }
            }
            long sum = 0;
            for (int account : accounts) {
                sum += balances[account];
            }
            return sum;
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                if (i == 0 || accounts[i] != accounts[i - 1]) {
                    locks[accounts[i]].unlock();
                }
            }
        }
    }

    @Override
    public long total() {
        long sum = 0;
        for (long balance : balances) {
            sum += balance;
        }
        return sum;
    }
}
