package org.stmagent.samples;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * The bank workload shared by the bank samples: threads that, until a deadline, pick 95% random
 * transfers and 5% audits of the full total, then a report of throughput and of what was verified.
 * It is ordinary Java; the accounts decide how their operations are made atomic.
 */
public final class TransfersAndAudits {
    /** Accounts among which money moves; {@link #audit()} must always see the full total. */
    public interface Accounts {
        int size();

        void transfer(int from, int to, long amount);

        long audit();
    }

    /** What the threads did and what the accounts hold at the end. */
    public record Result(long transfers, long audits, long wrongAudits, long finalTotal, long expectedTotal,
            double millis) {
        public long operations() {
            return transfers + audits;
        }

        public boolean verified() {
            return wrongAudits == 0 && finalTotal == expectedTotal;
        }
    }

    /** Share of operations that audit the full total, unless a sample says otherwise. */
    public static final int AUDIT_PERCENT = 5;
    /** Every account's balance when the bank opens. */
    public static final long INITIAL_BALANCE = 1_000;
    private static final long MAX_AMOUNT = 100;

    private TransfersAndAudits() {
    }

    /** The options of a bank sample: {@code --threads}, {@code --seconds}, {@code --accounts}; a sample may add more. */
    public static SampleArgs options(String program) {
        return SampleArgs.of(program)
                .option("threads", Runtime.getRuntime().availableProcessors(), "worker threads")
                .option("seconds", 3, "how long the threads run")
                .option("accounts", 4_096, "number of accounts");
    }

    /**
     * Runs a bank sample as its options say: prints the header, runs the threads on the accounts
     * {@code open} makes for {@code --accounts}, and returns {@link #report}'s exit status.
     */
    public static int runSample(String name, SampleArgs options, IntFunction<Accounts> open, String locking,
            String whyItMayFail) throws InterruptedException {
        int threads = options.positiveInt("threads");
        long nanos = options.seconds("seconds");
        int size = options.positiveInt("accounts");
        printHeader(name, size, threads, nanos, locking);
        return report(run(open.apply(size), threads, nanos), whyItMayFail);
    }

    /** Runs {@code threads} threads on {@code accounts} for {@code nanos}, then audits once more. */
    public static Result run(Accounts accounts, int threads, long nanos) throws InterruptedException {
        return run(accounts, threads, nanos, AUDIT_PERCENT);
    }

    /** As {@link #run(Accounts, int, long)}, with {@code auditPercent} of operations auditing. */
    public static Result run(Accounts accounts, int threads, long nanos, int auditPercent) throws InterruptedException {
        long expected = accounts.audit();
        long[][] counts = new long[threads][];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                ready.countDown();
                awaitUninterruptibly(go);
                counts[index] = work(accounts, new SplittableRandom(42 + index), deadline[0], expected, auditPercent);
            }, "bank-" + t);
            workers[t].start();
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + nanos;
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        long transfers = 0;
        long audits = 0;
        long wrong = 0;
        for (long[] count : counts) {
            transfers += count[0];
            audits += count[1];
            wrong += count[2];
        }
        return new Result(transfers, audits, wrong, accounts.audit(), expected, millis);
    }

    /** One thread's loop; returns its transfers, audits and audits that saw a wrong total. */
    private static long[] work(Accounts accounts, SplittableRandom random, long deadline, long expected,
            int auditPercent) {
        int size = accounts.size();
        long transfers = 0;
        long audits = 0;
        long wrong = 0;
        long done = 0;
        while ((done & 63) != 0 || System.nanoTime() < deadline) {
            if (random.nextInt(100) < auditPercent) {
                if (accounts.audit() != expected) {
                    wrong++;
                }
                audits++;
            } else {
                accounts.transfer(random.nextInt(size), random.nextInt(size), 1 + random.nextLong(MAX_AMOUNT));
                transfers++;
            }
            done++;
        }
        return new long[] {transfers, audits, wrong};
    }

    /** Prints the run's description. */
    public static void printHeader(String name, int accounts, int threads, long nanos, String locking) {
        printHeader(name, accounts, threads, nanos, AUDIT_PERCENT, locking);
    }

    public static void printHeader(String name, int accounts, int threads, long nanos, int auditPercent,
            String locking) {
        System.out.printf(Locale.ROOT, "%s: %,d accounts, %d threads, %.1f s, %d%% transfers / %d%% audits, %s%n",
                name, accounts, threads, nanos / 1e9, 100 - auditPercent, auditPercent, locking);
    }

    /**
     * Prints throughput and the verification, and returns the exit status: 0 when money was
     * conserved and no audit saw a wrong total, 1 otherwise (the failure line ends with
     * {@code whyItMayFail} when that is not empty).
     */
    public static int report(Result result, String whyItMayFail) {
        System.out.printf(Locale.ROOT, "throughput: %,.0f ops/ms (%,d operations: %,d transfers, %,d audits in %,.0f ms)%n",
                result.operations() / result.millis(), result.operations(), result.transfers(), result.audits(),
                result.millis());
        System.out.printf(Locale.ROOT, "audits that saw a wrong total: %,d of %,d%n", result.wrongAudits(), result.audits());
        System.out.printf(Locale.ROOT, "final total: %,d (expected %,d)%n", result.finalTotal(), result.expectedTotal());
        if (result.verified()) {
            System.out.println("verified: money conserved, every audit saw the full total");
            return 0;
        }
        System.out.printf(Locale.ROOT, "FAILED: %,d audits saw a wrong total, final total %,d instead of %,d%s%n",
                result.wrongAudits(), result.finalTotal(), result.expectedTotal(),
                whyItMayFail.isEmpty() ? "" : " " + whyItMayFail);
        return 1;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
