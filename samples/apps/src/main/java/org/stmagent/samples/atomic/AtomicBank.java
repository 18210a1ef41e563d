package org.stmagent.samples.atomic;

import org.stmagent.annotations.Atomic;
import org.stmagent.samples.SampleArgs;
import org.stmagent.samples.TransfersAndAudits;

/**
 * The bank of {@link org.stmagent.samples.bank.Bank} with {@code @Atomic} methods instead of a
 * lock. Under the agent each {@code @Atomic} method is a transaction. Without the agent the
 * annotation does nothing and there is no locking at all: the threads race, updates are lost and
 * audits see partial totals, so this program is only correct under the agent.
 *
 * <pre>
 * java -javaagent:stm-agent.jar=include=org.stmagent.samples.** -cp stm-sample-apps.jar \
 *     org.stmagent.samples.atomic.AtomicBank [--threads N] [--seconds S] [--accounts A]
 * </pre>
 */
public final class AtomicBank implements TransfersAndAudits.Accounts {
    static final String ONLY_UNDER_THE_AGENT = "(AtomicBank is only correct under the agent: without it"
            + " @Atomic has no effect and the accounts are updated with no locking at all;"
            + " run it with -javaagent:stm-agent.jar=include=org.stmagent.samples.**)";

    /** One account: a balance, nothing else. */
    static final class Account {
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    private final Account[] accounts;

    public AtomicBank(int size, long initialBalance) {
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
    @Atomic
    @Override
    public void transfer(int from, int to, long amount) {
        Account source = accounts[from];
        if (source.balance < amount) {
            return;
        }
        source.balance -= amount;
        accounts[to].balance += amount;
    }

    /** The sum of all balances. */
    @Atomic
    @Override
    public long audit() {
        long total = 0;
        for (Account account : accounts) {
            total += account.balance;
        }
        return total;
    }

    public static void main(String[] args) throws InterruptedException {
        SampleArgs options = TransfersAndAudits.options("AtomicBank").parse(args);
        System.out.println("note: only correct under the agent; without it @Atomic does nothing and the threads race");
        System.exit(TransfersAndAudits.runSample("AtomicBank", options,
                size -> new AtomicBank(size, TransfersAndAudits.INITIAL_BALANCE), "@Atomic methods, no locks",
                ONLY_UNDER_THE_AGENT));
    }
}
