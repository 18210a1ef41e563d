package org.stmagent.samples.counting;

import org.stmagent.samples.BankWorkload;
import org.stmagent.samples.SampleArgs;

/**
 * The bank of {@code bank.Bank}, plus what real code often adds: a statistic, the number of
 * transfers, kept in a field and incremented inside the lock. Under the agent that one field makes
 * every two concurrent transfers conflict, and the report names it. With {@code --count outside}
 * the count is kept per thread, outside the lock, and the transfers stop conflicting.
 */
public final class CountingBank implements BankWorkload.Accounts {
    static final class Account {
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    private final Account[] accounts;
    private final boolean countInside;
    private long transfers;
    private final ThreadLocal<long[]> transfersOutside = ThreadLocal.withInitial(() -> new long[1]);

    CountingBank(int size, long initialBalance, boolean countInside) {
        this.countInside = countInside;
        accounts = new Account[size];
        for (int i = 0; i < size; i++) {
            accounts[i] = new Account(initialBalance);
        }
    }

    @Override
    public int size() {
        return accounts.length;
    }

    @Override
    public void transfer(int from, int to, long amount) {
        if (countInside) {
            transferCounted(from, to, amount);
        } else {
            move(from, to, amount);
            transfersOutside.get()[0]++;
        }
    }

    private synchronized void transferCounted(int from, int to, long amount) {
        transfers++; // the statistic every transfer writes
        move(from, to, amount);
    }

    private synchronized void move(int from, int to, long amount) {
        Account source = accounts[from];
        if (source.balance < amount) {
            return;
        }
        source.balance -= amount;
        accounts[to].balance += amount;
    }

    @Override
    public synchronized long audit() {
        long total = 0;
        for (Account account : accounts) {
            total += account.balance;
        }
        return total;
    }

    public static void main(String[] args) throws InterruptedException {
        SampleArgs options = SampleArgs.of("CountingBank")
                .option("threads", Runtime.getRuntime().availableProcessors(), "worker threads")
                .option("seconds", 3, "how long the threads run")
                .option("accounts", 4_096, "number of accounts")
                .option("count", "inside", "where transfers are counted: inside (a field, in the lock) or outside")
                .option("audits", 0, "percent of operations that audit the full total")
                .parse(args);
        boolean inside = "inside".equals(options.choice("count", "inside", "outside"));
        int threads = options.positiveInt("threads");
        long nanos = options.seconds("seconds");
        int size = options.positiveInt("accounts");
        int audits = options.percent("audits");
        BankWorkload.printHeader("CountingBank", size, threads, nanos, audits,
                "one global synchronized lock, transfers counted " + (inside ? "inside it" : "outside it"));
        BankWorkload.Result result = BankWorkload.run(new CountingBank(size, 1_000, inside), threads, nanos, audits);
        System.exit(BankWorkload.report(result, ""));
    }
}
