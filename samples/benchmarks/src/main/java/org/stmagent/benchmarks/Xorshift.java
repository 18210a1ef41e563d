package org.stmagent.benchmarks;

/**
 * The benchmarks' per-thread random generator: xorshift, seeded from the thread's index, cheap
 * enough not to weigh on what is measured. Outside the packages the agent rewrites.
 */
public final class Xorshift {
    private long seed;

    public Xorshift(int threadIndex) {
        seed = 0x9E3779B97F4A7C15L * (threadIndex + 1);
    }

    /** A pseudo-random number in [0, bound). */
    public int nextInt(int bound) {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return (int) ((x >>> 33) % bound);
    }
}
