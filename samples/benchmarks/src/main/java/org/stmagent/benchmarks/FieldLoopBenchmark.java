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
import org.stmagent.benchmarks.workload.FieldLoop;

/**
 * One {@link FieldLoop#round()} per operation, on one thread, outside any lock or transaction: the
 * cost the agent adds to code it rewrites but that never runs in a transaction. {@link FieldLoopPlain}
 * runs it in a plain JVM, {@link FieldLoopAgent} under the agent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class FieldLoopBenchmark {
    static final int TANKS = 8;
    static final long INITIAL_LEVEL = 1L << 40;

    FieldLoop loop;
    long expectedTotal;

    @Setup(Level.Trial)
    public void fillTanks() throws ClassNotFoundException {
        Rewriting.requireAsForked(this, FieldLoop.class,
                Class.forName("org.stmagent.benchmarks.workload.FieldLoop$Tank"));
        loop = new FieldLoop(TANKS, INITIAL_LEVEL);
        expectedTotal = loop.totalLevel();
    }

    @TearDown(Level.Trial)
    public void checkTotal() {
        long total = loop.totalLevel();
        if (total != expectedTotal || loop.rounds() == 0) {
            throw new IllegalStateException("level not conserved: total " + total + ", expected " + expectedTotal
                    + " after " + loop.rounds() + " rounds");
        }
    }

    @Benchmark
    @Threads(1)
    public long round_1thread() {
        return loop.round();
    }
}
