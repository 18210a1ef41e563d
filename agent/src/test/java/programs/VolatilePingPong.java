package programs;

/**
 * Volatile fields written and read inside regions, by threads that need to see each other's
 * writes before their regions end. Four parts, one after the other:
 * <ol>
 * <li>Ping-pong, one region a stroke: two threads, each in a region on a monitor of its own
 * ({@code LEFT}, {@code RIGHT}), spin on the other's volatile until it shows the round, then
 * answer on their own, for a fixed number of rounds.
 * <li>Ping-pong, one region a game: the same, but each thread plays every round inside one region,
 * so each must see the other's writes while both regions are still running.
 * <li>A started flag: a region on {@code LONG} sets {@code started} at its top and then spins until
 * {@code stop}; a thread outside any monitor waits for {@code started} and answers with
 * {@code stop}. Done a fixed number of times.
 * <li>A progress counter: a region on {@code PROGRESS} publishes each step in a volatile and spins
 * until a thread outside any monitor has acknowledged that step (it acknowledges each value it sees
 * grow), for a fixed number of steps.
 * </ol>
 * With locks every part finishes (the monitors are all different, and nothing waits for a monitor
 * a spinning region holds), and each side checks it saw exactly the values in order.
 *
 * <p>The volatiles are the synchronization here, so without locks those parts would pass too. For
 * {@code --no-locks} to fail there is a fifth part, guarded data: four threads add to a plain
 * counter in regions on {@code COUNTER}, reading it, publishing what they read in a volatile (eight
 * times) and then writing it back incremented; with a fresh object for every block (no mutual exclusion)
 * updates are lost, so it must fail. That part runs first.
 */
public final class VolatilePingPong {
    private static final int STROKES = 500;
    private static final int GAME = 500;
    private static final int STARTS = 100;
    private static final int STEPS = 500;
    private static final int COUNTERS = 4;
    private static final int ADDS = 50_000;

    private static final Object LEFT = new Object();
    private static final Object RIGHT = new Object();
    private static final Object LONG = new Object();
    private static final Object PROGRESS = new Object();
    private static final Object COUNTER = new Object();
    private static boolean locks = true;

    private static volatile int ping;
    private static volatile int pong;
    private static volatile boolean started;
    private static volatile boolean stop;
    private static volatile int progress;
    private static volatile int acknowledged;
    private static volatile long lastRead;

    /** Guarded by their monitors. */
    private static long leftStrokes;
    private static long rightStrokes;
    private static long longSpins;
    private static long longRuns;
    private static long steps;
    private static long count;

    static Object lock(Object monitor) {
        return locks ? monitor : new Object();
    }

    static void run(Runnable a, Runnable b) {
        Run.threads(2, t -> (t == 0 ? a : b).run());
    }

    static void strokes() {
        ping = 0;
        pong = 0;
        run(() -> {
            for (int r = 1; r <= STROKES; r++) {
                synchronized (lock(LEFT)) {
                    while (pong != r - 1) {
                        Thread.onSpinWait();
                    }
                    ping = r;
                    leftStrokes++;
                }
            }
        }, () -> {
            for (int r = 1; r <= STROKES; r++) {
                synchronized (lock(RIGHT)) {
                    int seen;
                    while ((seen = ping) == r - 1) {
                        Thread.onSpinWait();
                    }
                    Run.check(seen == r, "stroke " + r + ": the right saw ping " + seen);
                    pong = r;
                    rightStrokes++;
                }
            }
        });
    }

    static void game() {
        ping = 0;
        pong = 0;
        run(() -> {
            synchronized (lock(LEFT)) {
                for (int r = 1; r <= GAME; r++) {
                    ping = r;
                    int seen;
                    while ((seen = pong) == r - 1) {
                        Thread.onSpinWait();
                    }
                    Run.check(seen == r, "game round " + r + ": the left saw pong " + seen);
                    leftStrokes++;
                }
            }
        }, () -> {
            synchronized (lock(RIGHT)) {
                for (int r = 1; r <= GAME; r++) {
                    int seen;
                    while ((seen = ping) == r - 1) {
                        Thread.onSpinWait();
                    }
                    Run.check(seen == r, "game round " + r + ": the right saw ping " + seen);
                    pong = r;
                    rightStrokes++;
                }
            }
        });
    }

    static void starts() {
        for (int i = 0; i < STARTS; i++) {
            started = false;
            stop = false;
            run(() -> {
                synchronized (lock(LONG)) {
                    started = true;
                    long spins = 0;
                    while (!stop) {
                        spins++;
                        Thread.onSpinWait();
                    }
                    longSpins += spins;
                    longRuns++;
                }
            }, () -> {
                while (!started) {
                    Thread.onSpinWait();
                }
                stop = true;
            });
        }
    }

    static void progress() {
        progress = 0;
        acknowledged = 0;
        int[] seenSteps = new int[1];
        run(() -> {
            synchronized (lock(PROGRESS)) {
                for (int s = 1; s <= STEPS; s++) {
                    progress = s;
                    int ack;
                    while ((ack = acknowledged) < s) {
                        Thread.onSpinWait();
                    }
                    Run.check(ack == s, "step " + s + " acknowledged as " + ack);
                    steps++;
                }
            }
        }, () -> {
            int last = 0;
            while (last < STEPS) {
                int p = progress;
                if (p != last) {
                    Run.check(p == last + 1, "progress went from " + last + " to " + p);
                    last = p;
                    seenSteps[0]++;
                    acknowledged = p;
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        Run.check(seenSteps[0] == STEPS, "saw the progress grow " + seenSteps[0] + " times, expected " + STEPS);
    }

    static void counter() {
        Run.threads(COUNTERS, t -> {
            for (int i = 0; i < ADDS; i++) {
                synchronized (lock(COUNTER)) {
                    long c = count;
                    for (int k = 0; k < 8; k++) {
                        lastRead = c + k;
                    }
                    count = c + 1;
                }
            }
        });
        synchronized (lock(COUNTER)) {
            Run.check(count == COUNTERS * (long) ADDS, "counter " + count + ", expected " + COUNTERS * (long) ADDS);
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        counter();
        strokes();
        game();
        synchronized (lock(LEFT)) {
            Run.check(leftStrokes == STROKES + GAME, "left played " + leftStrokes + ", expected " + (STROKES + GAME));
        }
        synchronized (lock(RIGHT)) {
            Run.check(rightStrokes == STROKES + GAME, "right played " + rightStrokes + ", expected "
                    + (STROKES + GAME));
        }
        starts();
        synchronized (lock(LONG)) {
            Run.check(longRuns == STARTS, longRuns + " long regions, expected " + STARTS);
            Run.check(longSpins >= 0, "negative spins");
        }
        progress();
        synchronized (lock(PROGRESS)) {
            Run.check(steps == STEPS, steps + " steps, expected " + STEPS);
        }
        System.out.println("volatile ping-pong: " + STROKES + " strokes, " + GAME + " rounds in one region, " + STARTS
                + " long regions stopped, " + STEPS + " steps seen, " + COUNTERS * ADDS + " counted ok");
    }
}
