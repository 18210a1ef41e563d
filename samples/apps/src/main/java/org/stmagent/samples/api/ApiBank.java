package org.stmagent.samples.api;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.stmagent.runtime.NestedTransactionException;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.report.StatisticsTable;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * Transfers between accounts as transactions written against the runtime API, run with one thread
 * and then with as many threads as there are segments. Checks that money is conserved and that no
 * audit ever saw a wrong total, then prints throughput and the transaction statistics. An audit is
 * an {@link Stm#exclusiveAtomic} transaction: it must see one state of the whole bank on its own,
 * never as a part of a caller's transaction, and the sample checks that nesting it is refused.
 */
public final class ApiBank {
    private static final long INITIAL = 1_000;
    // Barrier calls name their source site for the conflict report, as the agent's rewriting does.
    private static final int DEBIT = site("transfer", "debit balances[from]");
    private static final int CREDIT = site("transfer", "credit balances[to]");
    private static final int AUDIT = site("audit", "read balances[i]");

    private final long[] balances;
    private final AtomicLong wrongAudits = new AtomicLong();

    private ApiBank(int accounts) {
        balances = new long[accounts];
        java.util.Arrays.fill(balances, INITIAL);
    }

    public static void main(String[] args) throws InterruptedException {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_024;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = Math.max(2, Stm.segmentLimit());
        ApiBank bank = new ApiBank(accounts);
        System.out.printf(Locale.ROOT, "ApiBank: %d accounts, segment limit %d%n", accounts, Stm.segmentLimit());
        double one = bank.run(1, seconds);
        double many = bank.run(threads, seconds);
        System.out.printf(Locale.ROOT, "speed-up with %d threads: %.2fx%n", threads, many / one);
        bank.verify();
        bank.checkAuditRefusesToNest();
        System.out.println();
        System.out.print(StatisticsTable.render());
    }

    private double run(int threads, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong operations = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long seed = 42 + t;
            workers[t] = new Thread(() -> operations.addAndGet(work(seed, deadline)), "bank-" + threads + "-" + t);
            workers[t].start();
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        double perMs = operations.get() / millis;
        System.out.printf(Locale.ROOT, "%d thread(s): %,d transactions, %.0f per ms%n", threads, operations.get(), perMs);
        return perMs;
    }

    private long work(long seed, long deadline) {
        SplittableRandom random = new SplittableRandom(seed);
        long done = 0;
        while ((done & 1023) != 0 || System.nanoTime() < deadline) {
            if (random.nextInt(100) == 0) {
                audit();
            } else {
                transfer(random.nextInt(balances.length), random.nextInt(balances.length), 1 + random.nextInt(10));
            }
            done++;
        }
        return done;
    }

    private void transfer(int from, int to, long amount) {
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.storeLong(balances, from, Barriers.loadLong(balances, from, s, DEBIT) - amount, s, DEBIT);
            Barriers.storeLong(balances, to, Barriers.loadLong(balances, to, s, CREDIT) + amount, s, CREDIT);
        });
    }

    private void audit() {
        long total = Stm.exclusiveAtomic(() -> {
            Segment s = Barriers.current();
            long sum = 0;
            for (int i = 0; i < balances.length; i++) {
                sum += Barriers.loadLong(balances, i, s, AUDIT);
            }
            return sum;
        });
        if (total != INITIAL * balances.length) {
            wrongAudits.incrementAndGet();
        }
    }

    /** An audit inside another transaction would be flattened into it: exclusiveAtomic refuses. */
    private void checkAuditRefusesToNest() {
        try {
            Stm.atomic(this::audit);
        } catch (NestedTransactionException expected) {
            System.out.println("an audit inside a transaction: refused (NestedTransactionException)");
            return;
        }
        System.out.println("FAILED: an audit ran nested inside another transaction");
        System.exit(1);
    }

    private static int site(String method, String access) {
        return Sites.register(ApiBank.class.getName(), method, "ApiBank.java", -1, access, "long[] element");
    }

    private void verify() {
        long total = 0;
        for (long balance : balances) {
            total += balance;
        }
        long expected = INITIAL * balances.length;
        System.out.printf(Locale.ROOT, "total %d, expected %d: %s; audits that saw a wrong total: %d%n",
                total, expected, total == expected ? "conserved" : "BROKEN", wrongAudits.get());
        if (total != expected || wrongAudits.get() != 0) {
            System.exit(1);
        }
    }
}
