package org.stmagent.samples.api;

import java.util.Arrays;
import java.util.Locale;

import org.stmagent.runtime.NestedTransactionException;
import org.stmagent.runtime.Stm;
import org.stmagent.samples.SampleArgs;
import org.stmagent.samples.TransfersAndAudits;

/**
 * The bank with its transactions written with the runtime API instead of a lock: every transfer is
 * an {@link Stm#atomic(Runnable)} transaction and every audit an {@link Stm#exclusiveAtomic}
 * one, over a plain {@code long[]}. The agent rewrites this class as it rewrites any other, and so
 * the array reads and writes inside those transactions are transactional; without the agent the
 * transactions begin and commit but their accesses stay plain ones and race, so this program is
 * only correct under the agent. It runs one thread and then as many as there are segments, and
 * checks at the end that an audit called inside another transaction is refused: a read of the
 * whole bank must be a transaction of its own, never a part of a caller's.
 *
 * <pre>
 * java -javaagent:stm-agent.jar=include=org.stmagent.samples.** -cp stm-sample-apps.jar \
 *     org.stmagent.samples.api.ApiBank [--seconds S] [--accounts A]
 * </pre>
 */
public final class ApiBank implements TransfersAndAudits.Accounts {
    static final String ONLY_UNDER_THE_AGENT = "(ApiBank is only correct under the agent: without it"
            + " the balances are read and written outside the transactions;"
            + " run it with -javaagent:stm-agent.jar=include=org.stmagent.samples.**)";
    private static final int AUDIT_PERCENT = 1;

    private final long[] balances;

    ApiBank(int size, long initialBalance) {
        balances = new long[size];
        Arrays.fill(balances, initialBalance);
    }

    @Override
    public int size() {
        return balances.length;
    }

    /** Moves {@code amount} from one account to another, unless the source has less than that. */
    @Override
    public void transfer(int from, int to, long amount) {
        Stm.atomic(() -> {
            if (balances[from] < amount) {
                return;
            }
            balances[from] -= amount;
            balances[to] += amount;
        });
    }

    /** The sum of all balances, as a transaction that refuses to run inside another one. */
    @Override
    public long audit() {
        return Stm.exclusiveAtomic(() -> {
            long total = 0;
            for (long balance : balances) {
                total += balance;
            }
            return total;
        });
    }

    public static void main(String[] args) throws InterruptedException {
        SampleArgs options = SampleArgs.of("ApiBank")
                .option("seconds", 3, "how long each of the two runs lasts")
                .option("accounts", 1_024, "number of accounts")
                .parse(args);
        long nanos = options.seconds("seconds");
        int size = options.positiveInt("accounts");
        ApiBank bank = new ApiBank(size, TransfersAndAudits.INITIAL_BALANCE);
        String transactions = "Stm.atomic transfers, Stm.exclusiveAtomic audits, segment limit " + Stm.segmentLimit();
        int status = 0;
        double[] perMs = new double[2];
        int[] threads = {1, Math.max(2, Stm.segmentLimit())};
        for (int i = 0; i < threads.length; i++) {
            TransfersAndAudits.printHeader("ApiBank", size, threads[i], nanos, AUDIT_PERCENT, transactions);
            TransfersAndAudits.Result result = TransfersAndAudits.run(bank, threads[i], nanos, AUDIT_PERCENT);
            status |= TransfersAndAudits.report(result, ONLY_UNDER_THE_AGENT);
            perMs[i] = result.operations() / result.millis();
        }
        System.out.printf(Locale.ROOT, "speed-up with %d threads: %.2fx%n", threads[1], perMs[1] / perMs[0]);
        System.exit(status | checkAuditRefusesToNest(bank));
    }

    /** An audit inside another transaction would be flattened into it: exclusiveAtomic refuses. */
    private static int checkAuditRefusesToNest(ApiBank bank) {
        try {
            Stm.atomic(bank::audit);
        } catch (NestedTransactionException expected) {
            System.out.println("an audit inside a transaction: refused (NestedTransactionException)");
            return 0;
        }
        System.out.println("FAILED: an audit ran nested inside another transaction");
        return 1;
    }
}
