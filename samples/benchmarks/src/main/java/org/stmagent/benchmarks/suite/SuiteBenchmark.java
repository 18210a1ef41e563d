package org.stmagent.benchmarks.suite;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.stmagent.benchmarks.Rewriting;

/**
 * The benchmark suite: every workload in every variant, with one thread ({@link #single}) and with
 * two ({@link #concurrent}; JMH's {@code -t} widens it). {@link PlainSuite} holds the variants that
 * run in a plain JVM, {@link AgentSuite} those that run under the agent; the measured code is here
 * once. Every trial builds a fresh workload, checks that its lock-based classes are rewritten
 * exactly in the agent's forks, and checks the workload's invariant at its end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public abstract class SuiteBenchmark {
    @Param({Workloads.BANK_64, Workloads.BANK_65536, Workloads.INTSET_LIST_256, Workloads.INTSET_SKIPLIST_65536,
            Workloads.HASHMAP_4096, Workloads.COUNTER, Workloads.VACATION_LOW, Workloads.VACATION_HIGH})
    public String workload;

    private Workload running;

    /** The variant to run, a {@link Variant#id()}. */
    protected abstract String variant();

    @Setup(Level.Trial)
    public void build(BenchmarkParams params) {
        Variant variant = Variant.of(variant());
        boolean underAgent = Rewriting.forkedWithAgent(this);
        if (variant.underAgent() != underAgent) {
            throw new IllegalStateException("variant " + variant.id() + (underAgent
                    ? " runs without the agent: select it in PlainSuite" : " runs under the agent: select it in AgentSuite"));
        }
        running = Workloads.create(workload, variant, params.getThreads());
        Rewriting.require(underAgent, running.sourceClasses().toArray(new Class<?>[0]));
    }

    @TearDown(Level.Trial)
    public void verify() {
        running.verify();
    }

    @Benchmark
    @Threads(1)
    public long single(Worker worker) {
        return running.operate(worker);
    }

    @Benchmark
    @Threads(2)
    public long concurrent(Worker worker) {
        return running.operate(worker);
    }
}
