package programs;

/**
 * {@code wait()} on an inner monitor while an outer one is held. A mover takes {@code outer}, then
 * {@code inner}, and moves units from {@code a} to {@code b} (both guarded by {@code outer}) in two
 * steps: it takes them from {@code a}, calls {@code inner.wait()} until the signaller has answered,
 * and only then adds them to {@code b}. The wait gives back {@code inner} but not {@code outer}, so
 * while a mover waits no other thread can enter {@code outer}: the other movers and two auditors,
 * which keep entering {@code outer} and checking {@code a + b}, must never see a move half done. The
 * signaller enters only {@code inner} (it cannot enter {@code outer} while a mover waits, and does
 * not need to): it answers each waiting mover by bumping a generation and calling
 * {@code notifyAll()}, and stops once every mover has finished.
 *
 * <p>A mover also checks, after its wait, that {@code a} and {@code b} are what it left; at the
 * end {@code a}, {@code b}, the number of moves and the number of answers must match what the
 * movers tallied.
 *
 * <p>{@code --no-locks} replaces {@code outer} with a fresh object for every block (no mutual
 * exclusion of the guarded data); {@code inner} stays real, since {@code wait}/{@code notifyAll}
 * need the monitor they are called on. The auditors then see moves half done and several movers
 * wait at once: it must fail.
 */
public final class NestedWait {
    private static final int MOVERS = 3;
    private static final int AUDITORS = 2;
    private static final int ROUNDS = 300;
    private static final long INITIAL = 1_000_000L;

    private static final Object OUTER = new Object();
    private static final Object INNER = new Object();
    private static boolean locks = true;

    /** Guarded by {@code OUTER}. */
    private static long a = INITIAL;
    private static long b;
    private static long moves;
    private static long audits;

    /** Guarded by {@code INNER}. */
    private static long generation;
    private static int waiting;
    private static int finished;
    private static long answers;

    static Object outer() {
        return locks ? OUTER : new Object();
    }

    static void move(long units) throws InterruptedException {
        synchronized (outer()) {
            synchronized (INNER) {
                long a0 = a;
                long b0 = b;
                a = a0 - units;
                waiting++;
                long seen = generation;
                INNER.notifyAll();
                while (generation == seen) {
                    INNER.wait();
                }
                Run.check(a == a0 - units && b == b0, "after its wait a mover found a " + a + ", b " + b
                        + ", expected a " + (a0 - units) + ", b " + b0);
                b = b0 + units;
                moves++;
            }
        }
    }

    static void signal() throws InterruptedException {
        synchronized (INNER) {
            while (true) {
                while (waiting == 0 && finished < MOVERS) {
                    INNER.wait();
                }
                if (waiting == 0) {
                    return;
                }
                Run.check(waiting == 1, waiting + " movers waiting at once");
                waiting = 0;
                generation++;
                answers++;
                INNER.notifyAll();
            }
        }
    }

    static void audit() {
        synchronized (outer()) {
            long total = a + b;
            Run.check(total == INITIAL, "an auditor saw a " + a + " + b " + b + " = " + total + ", expected "
                    + INITIAL);
            audits++;
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        long[] tallies = new long[MOVERS];
        int[] done = new int[1];
        Run.threads(MOVERS + AUDITORS + 1, t -> {
            try {
                if (t < MOVERS) {
                    int r = 0x61C88647 * (t + 1);
                    long moved = 0;
                    for (int i = 0; i < ROUNDS; i++) {
                        r = Run.next(r);
                        long units = 1 + (r >>> 1) % 50;
                        move(units);
                        moved += units;
                    }
                    tallies[t] = moved;
                    synchronized (INNER) {
                        finished++;
                        INNER.notifyAll();
                    }
                } else if (t < MOVERS + AUDITORS) {
                    while (true) {
                        synchronized (INNER) {
                            if (finished == MOVERS) {
                                break;
                            }
                        }
                        audit();
                        Thread.onSpinWait();
                    }
                } else {
                    signal();
                }
            } catch (InterruptedException e) {
                Run.fail("interrupted");
            }
        });
        long moved = 0;
        for (long m : tallies) {
            moved += m;
        }
        long expectedMoves = MOVERS * (long) ROUNDS;
        synchronized (outer()) {
            Run.check(a == INITIAL - moved, "a " + a + ", expected " + (INITIAL - moved));
            Run.check(b == moved, "b " + b + ", expected " + moved);
            Run.check(moves == expectedMoves, moves + " moves, expected " + expectedMoves);
            Run.check(audits > 0, "no audit ran");
        }
        synchronized (INNER) {
            Run.check(answers == expectedMoves, answers + " answers, expected " + expectedMoves);
        }
        System.out.println("nested wait: " + expectedMoves + " moves of " + moved + " units, each waited for and "
                + "answered, never seen half done ok");
    }
}
