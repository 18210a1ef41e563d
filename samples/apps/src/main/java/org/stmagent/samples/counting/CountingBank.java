package org.stmagent.samples.counting;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import org.stmagent.runtime.ConflictFreeCounter;
import org.stmagent.samples.SampleArgs;
import org.stmagent.samples.TransfersAndAudits;

/**
 * The bank of {@code bank.Bank}, plus what real code often adds: a statistic, the number of
 * transfers, kept in a field and incremented inside the lock. Under the agent that one field makes
 * every two concurrent transfers conflict, and the report names it. The two fixes: with
 * {@code --count outside} the count is kept per thread, outside the lock; with
 * {@code --count counter} it stays inside the lock, in a {@link ConflictFreeCounter}, whose adds
 * never conflict. Either way the transfers stop conflicting, and the count must still be exact.
 */
public final class CountingBank implements TransfersAndAudits.Accounts {
    static final class Account {
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    /** Where transfers are counted. */
    enum Count { INSIDE, OUTSIDE, COUNTER }

    private final Account[] accounts;
    private final Count count;
    private long transfers;
    private final LongAdder countedOutside = new LongAdder();
    private final ConflictFreeCounter counted = new ConflictFreeCounter();

    CountingBank(int size, long initialBalance, Count count) {
        this.count = count;
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
        switch (count) {
            case INSIDE -> transferCounted(from, to, amount);
            case COUNTER -> transferCountedWithoutConflict(from, to, amount);
            case OUTSIDE -> {
                move(from, to, amount);
                countedOutside.increment();
            }
        }
    }

    private synchronized void transferCounted(int from, int to, long amount) {
        transfers++; // the statistic every transfer writes
        move(from, to, amount);
    }

    private synchronized void transferCountedWithoutConflict(int from, int to, long amount) {
        counted.add(1); // each segment adds to a cell of its own
        move(from, to, amount);
    }

    /** The transfers counted, whichever way. */
    long countedTransfers() {
        return switch (count) {
            case INSIDE -> transfers;
            case COUNTER -> counted.get();
            case OUTSIDE -> countedOutside.sum();
        };
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
        SampleArgs options = TransfersAndAudits.options("CountingBank")
                .option("count", "inside", "where transfers are counted: inside (a field, in the lock), outside "
                        + "(per thread), or counter (a ConflictFreeCounter, in the lock)")
                .option("audits", 0, "percent of operations that audit the full total")
                .parse(args);
        Count where = Count.valueOf(options.choice("count", "inside", "outside", "counter").toUpperCase(Locale.ROOT));
        int threads = options.positiveInt("threads");
        long nanos = options.seconds("seconds");
        int size = options.positiveInt("accounts");
        int audits = options.percent("audits");
        TransfersAndAudits.printHeader("CountingBank", size, threads, nanos, audits,
                "one global synchronized lock, transfers counted " + switch (where) {
                    case INSIDE -> "in a field inside it";
                    case OUTSIDE -> "per thread outside it";
                    case COUNTER -> "in a ConflictFreeCounter inside it";
                });
        CountingBank bank = new CountingBank(size, TransfersAndAudits.INITIAL_BALANCE, where);
        TransfersAndAudits.Result result = TransfersAndAudits.run(bank, threads, nanos, audits);
        int status = TransfersAndAudits.report(result, "");
        long counted = bank.countedTransfers();
        System.out.printf(Locale.ROOT, "transfers counted: %,d of %,d%n", counted, result.transfers());
        if (counted != result.transfers()) {
            System.out.println("FAILED: the count lost or invented transfers");
            status = 1;
        }
        System.exit(status);
    }
}
