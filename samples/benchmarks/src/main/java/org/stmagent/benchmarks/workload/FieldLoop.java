package org.stmagent.benchmarks.workload;

/**
 * Ordinary unsynchronized code: a ring of tanks, each pouring a share of its level into the next,
 * with the shares taken from a small {@code int[]} that changes every round. One {@link #round()}
 * reads and writes fields of eight objects and elements of an array, and makes three small method
 * calls per tank. No lock, no STM API: under the agent (with this package included) it is the code
 * that is rewritten but runs outside any transaction. The sum of the levels never changes.
 */
public final class FieldLoop {
    private final Tank[] tanks;
    private final int[] shifts;
    private long rounds;

    public FieldLoop(int tankCount, long initialLevel) {
        tanks = new Tank[tankCount];
        shifts = new int[tankCount];
        for (int i = 0; i < tankCount; i++) {
            tanks[i] = new Tank(initialLevel + 1_000L * i);
            shifts[i] = 1 + (i & 3);
        }
    }

    /** One pass around the ring; returns how much was poured in all. */
    public long round() {
        Tank[] ring = tanks;
        int[] s = shifts;
        int n = ring.length;
        long poured = 0;
        for (int i = 0; i < n; i++) {
            Tank from = ring[i];
            Tank to = ring[i + 1 == n ? 0 : i + 1];
            long amount = from.share(s[i]);
            from.drain(amount);
            to.fill(amount);
            poured += amount;
            s[i] = 1 + ((s[i] + i + (int) rounds) & 3);
        }
        rounds++;
        return poured;
    }

    public long rounds() {
        return rounds;
    }

    public long totalLevel() {
        long total = 0;
        for (Tank tank : tanks) {
            total += tank.level();
        }
        return total;
    }

    static final class Tank {
        private long level;

        Tank(long level) {
            this.level = level;
        }

        long share(int shift) {
            return level >>> shift;
        }

        void drain(long amount) {
            level -= amount;
        }

        void fill(long amount) {
            level += amount;
        }

        long level() {
            return level;
        }
    }
}
