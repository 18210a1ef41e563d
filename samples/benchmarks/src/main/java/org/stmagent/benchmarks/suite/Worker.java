package org.stmagent.benchmarks.suite;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;
import org.stmagent.benchmarks.Xorshift;

/**
 * One benchmark thread's own state: its index among the threads and a xorshift generator that
 * picks its next operation. It lives outside the packages the agent rewrites, so choosing an
 * operation costs the same in every variant.
 */
@State(Scope.Thread)
public class Worker {
    /** How many arrays {@link #buffer} keeps. */
    public static final int BUFFERS = 3;

    private int index;
    private Xorshift random;
    private int[] sample = new int[0];
    private final int[][] buffers = new int[BUFFERS][];

    /** For JMH, which calls {@link #join}. */
    public Worker() {
    }

    public Worker(int index) {
        start(index);
    }

    @Setup(Level.Trial)
    public void join(ThreadParams thread) {
        start(thread.getThreadIndex());
    }

    private void start(int threadIndex) {
        index = threadIndex;
        random = new Xorshift(threadIndex);
    }

    public int index() {
        return index;
    }

    /** A pseudo-random number in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** {@code count} random numbers in [0, bound), ascending, maybe repeated; the array is reused by the next call. */
    public int[] sortedSample(int count, int bound) {
        if (sample.length != count) {
            sample = new int[count];
        }
        for (int i = 0; i < count; i++) {
            int value = nextInt(bound);
            int j = i;
            for (; j > 0 && sample[j - 1] > value; j--) {
                sample[j] = sample[j - 1];
            }
            sample[j] = value;
        }
        return sample;
    }

    /**
     * An array of {@code length} ints for the caller to fill and pass to an operation: the same one on
     * every call with this {@code slot} (0 to {@link #BUFFERS} - 1) and length, so no operation allocates it.
     */
    public int[] buffer(int slot, int length) {
        int[] buffer = buffers[slot];
        if (buffer == null || buffer.length != length) {
            buffer = new int[length];
            buffers[slot] = buffer;
        }
        return buffer;
    }
}
