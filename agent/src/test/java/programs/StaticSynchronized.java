package programs;

/**
 * Static synchronized methods and blocks on the class object share one lock: {@code up + down}
 * is zero whenever the lock is free. A second class's static lock guards its own counter.
 */
public final class StaticSynchronized {
    private static final int THREADS = 4;
    private static final int ROUNDS = 10_000;

    private static int up;
    private static int down;
    private static long calls;

    static final class Other {
        private static long hits;

        static synchronized void hit() {
            hits++;
        }

        static synchronized long hits() {
            return hits;
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        Run.threads(THREADS, t -> {
            for (int i = 0; i < ROUNDS; i++) {
                if ((i & 1) == 0) {
                    bump();
                } else {
                    bumpInBlock();
                }
                Other.hit();
                if (i % 64 == 0) {
                    long sum = balance();
                    Run.check(sum == 0, "up + down = " + sum + " while the lock was free");
                }
            }
        });
        long expected = (long) THREADS * ROUNDS;
        Run.check(up == expected && -down == expected && calls == expected,
                "up " + up + " down " + down + " calls " + calls + ", expected " + expected);
        Run.check(Other.hits() == expected, "other " + Other.hits() + ", expected " + expected);
        System.out.println("static synchronized: " + calls + " calls, " + Other.hits() + " hits ok");
    }

    static synchronized void bump() {
        up++;
        down--;
        calls++;
    }

    static void bumpInBlock() {
        synchronized (StaticSynchronized.class) {
            up++;
            down--;
            calls++;
        }
    }

    static synchronized long balance() {
        return (long) up + down;
    }
}
