package org.stmagent.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * Transfers between random accounts of a 64-account bank: as transactions through the runtime API
 * ({@link Stm#atomic(Runnable)} with raw array barriers on a {@code long[]}) against the same logic
 * under one {@code synchronized} lock. Each variant runs with one and with two threads, as separate
 * benchmarks, so one run gives all four figures.
 *
 * <p>Every trial starts from a fresh bank and checks at its end that no money was created or lost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class BankBenchmark {
    static final int ACCOUNTS = 64;
    static final long INITIAL_BALANCE = 1_000_000;

    long[] balances;
    final Object lock = new Object();

    @Setup(Level.Trial)
    public void openAccounts() {
        balances = new long[ACCOUNTS];
        java.util.Arrays.fill(balances, INITIAL_BALANCE);
    }

    @TearDown(Level.Trial)
    public void checkTotal() {
        long total = 0;
        for (long balance : balances) {
            total += balance;
        }
        long expected = INITIAL_BALANCE * ACCOUNTS;
        if (total != expected) {
            throw new IllegalStateException("money was created or lost: total " + total + ", expected " + expected);
        }
    }

    /**
     * One thread's teller: picks the next transfer with its own random generator and is itself the
     * transaction body, so the STM path allocates no capturing lambda per operation.
     */
    @State(Scope.Thread)
    public static class Teller implements Runnable {
        private Xorshift random;
        private long[] accounts;
        private int from;
        private int to;
        private long amount;

        @Setup(Level.Trial)
        public void join(BankBenchmark bank, ThreadParams thread) {
            accounts = bank.balances;
            random = new Xorshift(thread.getThreadIndex());
        }

        void nextTransfer() {
            from = random.nextInt(ACCOUNTS);
            to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            amount = 1 + random.nextInt(100);
        }

        /** The transaction body: the transfer through the array barriers. */
        @Override
        public void run() {
            Segment s = Barriers.current();
            long[] a = accounts;
            Barriers.storeLong(a, from, Barriers.loadLong(a, from, s, Sites.UNKNOWN) - amount, s, Sites.UNKNOWN);
            Barriers.storeLong(a, to, Barriers.loadLong(a, to, s, Sites.UNKNOWN) + amount, s, Sites.UNKNOWN);
        }
    }

    private static void stmTransfer(Teller teller) {
        teller.nextTransfer();
        Stm.atomic(teller);
    }

    private void lockedTransfer(Teller teller) {
        teller.nextTransfer();
        long[] a = teller.accounts;
        synchronized (lock) {
            a[teller.from] -= teller.amount;
            a[teller.to] += teller.amount;
        }
    }

    @Benchmark
    @Threads(1)
    public void stm_1thread(Teller teller) {
        stmTransfer(teller);
    }

    @Benchmark
    @Threads(2)
    public void stm_2threads(Teller teller) {
        stmTransfer(teller);
    }

    @Benchmark
    @Threads(1)
    public void synchronized_1thread(Teller teller) {
        lockedTransfer(teller);
    }

    @Benchmark
    @Threads(2)
    public void synchronized_2threads(Teller teller) {
        lockedTransfer(teller);
    }
}
