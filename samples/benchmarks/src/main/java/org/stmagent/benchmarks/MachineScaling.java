package org.stmagent.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * What the machine itself gives a second thread, with nothing shared and no locks: each thread
 * moves units between random accounts of its own, the bank workload's memory pattern without its
 * synchronization, on one thread and on two in the same run: their ratio bounds what any STM or
 * lock can scale to on this host (two vCPUs may be two cores, or two hardware threads of one core).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
public class MachineScaling {
    @Param({"65536"})
    public int accounts;

    private long[] balances;
    private Xorshift random;

    @Setup
    public void setUp(ThreadParams thread) {
        balances = new long[accounts];
        Arrays.fill(balances, 1_000);
        random = new Xorshift(thread.getThreadIndex());
    }

    @Benchmark
    @Threads(1)
    public long oneThread() {
        return transfer();
    }

    @Benchmark
    @Threads(2)
    public long twoThreads() {
        return transfer();
    }

    /** One transfer between two random accounts of this thread's own bank. */
    private long transfer() {
        int from = random.nextInt(accounts);
        int to = random.nextInt(accounts);
        balances[from] -= 1;
        balances[to] += 1;
        return balances[from];
    }
}
