package org.stmagent.benchmarks.rival;

import org.stmagent.benchmarks.workload.bank.Accounts;

/** The bank on a {@link RivalStm}: one cell per account, each operation one atomic block. */
public final class TxBank implements Accounts {
    private final RivalStm stm;
    private final TxLong[] balances;

    public TxBank(RivalStm stm, int accounts, long initialBalance) {
        this.stm = stm;
        balances = new TxLong[accounts];
        for (int i = 0; i < accounts; i++) {
            balances[i] = stm.newLong(initialBalance);
        }
    }

    @Override
    public void transfer(int from, int to, long amount) {
        TxLong source = balances[from];
        TxLong target = balances[to];
        stm.atomic(() -> {
            source.set(source.get() - amount);
            target.set(target.get() + amount);
        });
    }

    @Override
    public long audit(int[] accounts) {
        return stm.atomicLong(() -> {
            long sum = 0;
            for (int account : accounts) {
                sum += balances[account].get();
            }
            return sum;
        });
    }

    @Override
    public long total() {
        return stm.atomicLong(() -> {
            long sum = 0;
            for (TxLong balance : balances) {
                sum += balance.get();
            }
            return sum;
        });
    }
}
