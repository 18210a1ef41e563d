package org.stmagent.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
import org.stmagent.benchmarks.workload.LockedBank;

/**
 * Transfers between random accounts of the unmodified {@link LockedBank} (64 accounts, one global
 * {@code synchronized} lock), with one and with two threads. The measured code lives here once;
 * {@link LockedBankPlain} runs it in a plain JVM and {@link LockedBankAgent} in a JVM started with
 * the agent, which turns the bank's {@code synchronized} blocks into transactions. Only the bank is
 * rewritten: the choice of the next transfer (a per-thread xorshift generator) stays in this
 * class, which the agent does not include.
 *
 * <p>Every trial starts from a fresh bank, checks before measuring that the bank class is rewritten
 * exactly when the agent is expected, and checks at its end that no money was created or lost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class LockedBankBenchmark {
    static final int ACCOUNTS = 64;
    static final long INITIAL_BALANCE = 1_000_000;

    LockedBank bank;

    @Setup(Level.Trial)
    public void openBank() {
        Rewriting.requireAsForked(this, LockedBank.class);
        bank = new LockedBank(ACCOUNTS, INITIAL_BALANCE);
    }

    @TearDown(Level.Trial)
    public void checkTotal() {
        long total = bank.total();
        long expected = INITIAL_BALANCE * ACCOUNTS;
        if (total != expected) {
            throw new IllegalStateException("money was created or lost: total " + total + ", expected " + expected);
        }
    }

    /** One thread's teller: picks the next transfer with its own random generator. */
    @State(Scope.Thread)
    public static class Teller {
        private Xorshift random;
        int from;
        int to;
        long amount;

        @Setup(Level.Trial)
        public void join(ThreadParams thread) {
            random = new Xorshift(thread.getThreadIndex());
        }

        void nextTransfer() {
            from = random.nextInt(ACCOUNTS);
            to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            amount = 1 + random.nextInt(100);
        }
    }

    private void transfer(Teller teller) {
        teller.nextTransfer();
        bank.transfer(teller.from, teller.to, teller.amount);
    }

    @Benchmark
    @Threads(1)
    public void transfer_1thread(Teller teller) {
        transfer(teller);
    }

    @Benchmark
    @Threads(2)
    public void transfer_2threads(Teller teller) {
        transfer(teller);
    }
}
