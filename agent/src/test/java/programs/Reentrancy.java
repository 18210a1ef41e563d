package programs;

/**
 * Reentrant locking: a recursive synchronized method, synchronized methods calling each other on
 * the same object, and a block re-entering a lock its method already holds.
 */
public final class Reentrancy {
    private static final int THREADS = 4;
    private static final int ROUNDS = 3_000;
    private static final int DEPTH = 40;

    private long levels;
    private long count;

    synchronized long sumTo(int n) {
        levels++;
        return n == 0 ? 0 : n + sumTo(n - 1);
    }

    synchronized void outer() {
        count++;
        middle();
    }

    synchronized void middle() {
        count++;
        synchronized (this) {
            count++;
            inner();
        }
    }

    synchronized void inner() {
        count++;
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        Reentrancy r = new Reentrancy();
        Run.threads(THREADS, t -> {
            for (int i = 0; i < ROUNDS; i++) {
                long s = r.sumTo(DEPTH);
                Run.check(s == DEPTH * (DEPTH + 1) / 2, "sumTo gave " + s);
                r.outer();
                synchronized (r) {
                    synchronized (r) {
                        r.inner();
                    }
                }
            }
        });
        long rounds = (long) THREADS * ROUNDS;
        synchronized (r) {
            Run.check(r.levels == rounds * (DEPTH + 1), "levels " + r.levels);
            Run.check(r.count == rounds * 5, "count " + r.count + ", expected " + rounds * 5);
        }
        System.out.println("reentrancy: " + r.levels + " levels, " + r.count + " counts ok");
    }
}
