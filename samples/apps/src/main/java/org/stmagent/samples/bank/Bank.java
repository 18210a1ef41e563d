package org.stmagent.samples.bank;

import org.stmagent.samples.SampleArgs;
import org.stmagent.samples.TransfersAndAudits;

/**
 * An ordinary program with one global lock: every transfer and every audit of the full total
 * holds the monitor of the one {@code Bank}. Without the agent the threads queue on that lock;
 * under the agent each {@code synchronized} method is a transaction, and transfers between
 * different accounts run at the same time. Either way money is conserved and every audit sees
 * the full total.
 *
 * <pre>
 * java -cp stm-sample-apps.jar org.stmagent.samples.bank.Bank [--threads N] [--seconds S] [--accounts A]
 * </pre>
 */
public final class Bank implements TransfersAndAudits.Accounts {
    /** One account: a balance, nothing else. */
    static final class Account {
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    private final Account[] accounts;

    public Bank(int size, long initialBalance) {
        accounts = new Account[size];
        for (int i = 0; i < size; i++) {
            accounts[i] = new Account(initialBalance);
        }
    }

    @Override
    public int size() {
        return accounts.length;
    }

    /** Moves {@code amount} from one account to another, unless the source has less than that. */
    @Override
    public synchronized void transfer(int from, int to, long amount) {
        Account source = accounts[from];
        if (source.balance < amount) {
            return;
        }
        source.balance -= amount;
        accounts[to].balance += amount;
    }

    /** The sum of all balances. */
    @Override
    public synchronized long audit() {
        long total = 0;
        for (Account account : accounts) {
            total += account.balance;
        }
        return total;
    }

    public static void main(String[] args) throws InterruptedException {
        SampleArgs options = TransfersAndAudits.options("Bank").parse(args);
        System.exit(TransfersAndAudits.runSample("Bank", options,
                size -> new Bank(size, TransfersAndAudits.INITIAL_BALANCE), "one global synchronized lock", ""));
    }
}
