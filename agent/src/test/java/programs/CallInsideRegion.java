package programs;

/**
 * A region that calls out of the runtime's reach (here {@code Thread.yield()}, which a transaction
 * cannot take back) still holds its monitor across the call. Readers take the monitor, sum a table
 * of counters and read its version, make the call, then sum and read again: nothing may have
 * changed in between. Writers take the same monitor, check that the table sums to its version,
 * bump one counter and the version. Every writer reads the whole table, so it is a transaction with
 * many reads, validated against the log of other commits rather than location by location.
 *
 * <p>{@code --no-locks} gives every block a fresh monitor: readers then see writes between their
 * two looks, and it must fail.
 */
public final class CallInsideRegion {
    private static final int WRITERS = 2;
    private static final int READERS = 2;
    private static final int WRITES = 20_000;
    private static final int READS = 2_000;

    private static final Object LOCK = new Object();
    private static boolean locks = true;

    /** Guarded by {@code LOCK}. */
    private static final int[] counters = new int[64];
    private static long version;
    private static long reads;

    static Object lock() {
        return locks ? LOCK : new Object();
    }

    static long sum() {
        long sum = 0;
        for (int c : counters) {
            sum += c;
        }
        return sum;
    }

    static void write(int r) {
        synchronized (lock()) {
            long sum = sum();
            Run.check(sum == version, "a writer found the counters summing to " + sum + " at version " + version);
            counters[(r >>> 1) % counters.length]++;
            version++;
        }
    }

    static void read() {
        synchronized (lock()) {
            long v0 = version;
            long s0 = sum();
            Thread.yield();
            long v1 = version;
            long s1 = sum();
            Run.check(v0 == v1 && s0 == s1, "across its call a reader saw version " + v0 + " become " + v1
                    + " and sum " + s0 + " become " + s1);
            reads++;
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        Run.threads(WRITERS + READERS, t -> {
            if (t < WRITERS) {
                int r = 0x61C88647 * (t + 1);
                for (int i = 0; i < WRITES; i++) {
                    r = Run.next(r);
                    write(r);
                }
            } else {
                for (int i = 0; i < READS; i++) {
                    read();
                }
            }
        });
        long expected = WRITERS * (long) WRITES;
        synchronized (lock()) {
            Run.check(version == expected, "version " + version + ", expected " + expected);
            Run.check(sum() == expected, "counters sum to " + sum() + ", expected " + expected);
            Run.check(reads == READERS * (long) READS, reads + " reads, expected " + READERS * (long) READS);
        }
        System.out.println("call inside region: " + expected + " writes, " + READERS * READS
                + " reads unchanged across their call ok");
    }
}
