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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.stmagent.benchmarks.workload.LockedHashMap;

/**
 * {@code get} and {@code put} on a {@code HashMap} of 65,536 keys inside one {@code synchronized}
 * block ({@link LockedHashMap}), at one and two threads, each thread on random keys; and inserts and
 * removals, each thread in a key range of its own, which change the map's size every time. The measured
 * code lives here once: {@link LockedHashMapPlain} runs it with the real lock,
 * {@link LockedHashMapAgent} under the agent with the collections' twins, and
 * {@link LockedHashMapAgentNoCollections} under the agent with {@code collections=false}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class LockedHashMapBenchmark {
    static final int KEYS = 65_536;
    /** Keys each thread inserts and removes, apart from the other thread's. */
    static final int OWN_KEYS = 4_096;

    LockedHashMap map;

    @Setup(Level.Trial)
    public void fill() {
        Rewriting.requireAsForked(this, LockedHashMap.class);
        map = new LockedHashMap(KEYS);
    }

    /** One thread's random key generator, and its own range of keys to insert and remove. */
    @State(Scope.Thread)
    public static class Keys {
        private Xorshift random;
        private int ownRange;

        @Setup(Level.Trial)
        public void join(ThreadParams thread) {
            random = new Xorshift(thread.getThreadIndex() + 1);
            ownRange = thread.getThreadIndex() * OWN_KEYS;
        }

        int next() {
            return random.nextInt(KEYS);
        }

        int nextOwn() {
            return ownRange + random.nextInt(OWN_KEYS);
        }
    }

    @Benchmark
    @Threads(1)
    public void getPut_1thread(Keys keys) {
        map.increment(keys.next());
    }

    @Benchmark
    @Threads(2)
    public void getPut_2threads(Keys keys) {
        map.increment(keys.next());
    }

    /** Inserts and removals: each changes the map's size and modCount, the threads' keys are disjoint. */
    @Benchmark
    @Threads(1)
    public void insertOrRemove_1thread(Keys keys) {
        map.insertOrRemove(keys.nextOwn());
    }

    @Benchmark
    @Threads(2)
    public void insertOrRemove_2threads(Keys keys) {
        map.insertOrRemove(keys.nextOwn());
    }
}
