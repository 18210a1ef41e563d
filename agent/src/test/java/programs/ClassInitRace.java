package programs;

import java.util.concurrent.CountDownLatch;

/**
 * Several threads first touch classes with static initialisers from inside synchronized regions,
 * at the same time and in different orders, half of them on one shared monitor and half on a
 * monitor of their own; each initialiser reads the next class (a chain) and runs a synchronized
 * block of its own, so initialisers run while others are running on other threads. Every class is
 * initialised exactly once and every region sees the initialised values. Then every thread adds to
 * a counter guarded by the shared monitor, reading the classes inside each region.
 *
 * <p>{@code --no-locks} gives every block of the program's own regions a fresh monitor: the
 * guarded counter then loses updates.
 */
public final class ClassInitRace {
    private static final int THREADS = 4;
    private static final int CLASSES = 8;

    static final int[] inits = new int[CLASSES];
    private static final int ADDS = 20_000;

    private static final Object LOCK = new Object();
    private static final Object[] OWN = new Object[THREADS];
    private static boolean locks = true;
    private static long version;
    private static long seen;
    private static final long[] seenOwn = new long[THREADS];
    private static long count;

    static {
        for (int t = 0; t < THREADS; t++) {
            OWN[t] = new Object();
        }
    }

    static Object lock(Object monitor) {
        return locks ? monitor : new Object();
    }

    /** A few steps between the read and the write of the guarded counter, so that races show. */
    static void slowly(int value) {
        int x = value;
        for (int i = 0; i < 16; i++) {
            x = x * 31 + i;
        }
        if (x == 42) {
            System.out.println();
        }
    }

    /** Keeps an initialiser busy for a moment, so that initialisations overlap. */
    static void slow() {
        long x = 0;
        for (int i = 0; i < 200_000; i++) {
            x += i ^ (x >>> 3);
        }
        if (x == 42) {
            System.out.println();
        }
    }

    static final class Init0 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 0 + Init1.value;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 0;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[0]++;
            }
        }
    }
    static final class Init1 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 100 + Init2.value;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 1;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[1]++;
            }
        }
    }
    static final class Init2 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 200 + Init3.value;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 2;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[2]++;
            }
        }
    }
    static final class Init3 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 300 + Init4.value;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 3;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[3]++;
            }
        }
    }
    static final class Init4 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 400 + Init5.value;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 4;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[4]++;
            }
        }
    }
    static final class Init5 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 500 + Init6.value;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 5;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[5]++;
            }
        }
    }
    static final class Init6 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 600 + Init7.value;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 6;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[6]++;
            }
        }
    }
    static final class Init7 {
        static int value;
        static final int[] TABLE = new int[16];

        static {
            value = 700 + 0;
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = 7;
            }
            slow();
            synchronized (ClassInitRace.class) {
                inits[7]++;
            }
        }
    }

    static int touch(int k) {
        switch (k) {
            case 0:
                return Init0.value + Init0.TABLE[0];
            case 1:
                return Init1.value + Init1.TABLE[1];
            case 2:
                return Init2.value + Init2.TABLE[2];
            case 3:
                return Init3.value + Init3.TABLE[3];
            case 4:
                return Init4.value + Init4.TABLE[4];
            case 5:
                return Init5.value + Init5.TABLE[5];
            case 6:
                return Init6.value + Init6.TABLE[6];
            case 7:
                return Init7.value + Init7.TABLE[7];
            default:
                throw new IllegalArgumentException();
        }
    }

    static int expected(int k) {
        int v = 0;
        for (int j = k; j < CLASSES; j++) {
            v += j * 100;
        }
        return v + k;
    }

    public static void main(String[] args) {
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        Run.startWatchdog();
        CountDownLatch start = new CountDownLatch(1);
        Run.threads(THREADS, t -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Run.fail("interrupted");
            }
            for (int i = 0; i < CLASSES; i++) {
                int k = (i * (t % 2 == 0 ? 1 : CLASSES - 1) + t * 3) % CLASSES;
                if (t % 2 == 0) {
                    synchronized (lock(LOCK)) {
                        long v = version; // read by many regions: a first touch often meets a conflict
                        int got = touch(k);
                        Run.check(got == expected(k), "Init" + k + " gave " + got + ", expected " + expected(k));
                        seen += got;
                        version = v + 1;
                    }
                } else {
                    synchronized (lock(OWN[t])) {
                        int got = touch(k);
                        Run.check(got == expected(k), "Init" + k + " gave " + got + ", expected " + expected(k));
                        seenOwn[t] += got;
                    }
                }
            }
            for (int i = 0; i < ADDS; i++) {
                int k = (i + t) % CLASSES;
                synchronized (lock(LOCK)) {
                    long c = count;
                    int got = touch(k);
                    ClassInitRace.slowly(got);
                    count = c + 1 + got - expected(k);
                }
            }
        }, start);
        long total = 0;
        for (int k = 0; k < CLASSES; k++) {
            total += expected(k);
        }
        synchronized (LOCK) {
            for (int k = 0; k < CLASSES; k++) {
                Run.check(inits[k] == 1, "Init" + k + " initialised " + inits[k] + " times");
            }
            long own = 0;
            for (long v : seenOwn) {
                own += v;
            }
            Run.check(seen + own == THREADS * total, "seen " + (seen + own) + ", expected " + THREADS * total);
            Run.check(version == THREADS / 2 * CLASSES, "version " + version);
            Run.check(count == (long) THREADS * ADDS, "count " + count + ", expected " + (long) THREADS * ADDS);
        }
        System.out.println("class init race: " + CLASSES + " classes initialised once each, " + count
                + " guarded adds ok");
    }
}
