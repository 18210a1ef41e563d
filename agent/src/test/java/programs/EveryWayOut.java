package programs;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every way out of a synchronized block: a return from the middle of a loop (out of one block and
 * out of two), labelled {@code break} and {@code continue} across nested blocks, {@code try/finally}
 * with a return (and a throw) in the {@code try}, a return from an inner block through a
 * {@code finally} of the outer one, try-with-resources whose {@code close()} updates guarded state
 * (and throws), switch expressions whose {@code yield} leaves a loop, a nested block and a
 * {@code catch}, and early returns from each depth of six nested monitors.
 *
 * <p>Six cells, each guarded by its own monitor, taken in ascending order. Each call moves units
 * from some cell's {@code a} into some cell's {@code b} and counts its visits; what a call does
 * depends only on its arguments, so each thread tallies what its calls should have done, outside
 * every block, from the arguments and the values they returned (counted in locals, which a second
 * run of a committed path would not repeat). At the end each cell must hold exactly the tallied
 * sums: a path that ran twice or committed twice, or whose effects were lost, shows there. An
 * auditor takes all six monitors and checks the total meanwhile; after every call a thread checks
 * it holds no monitor, inside blocks that it holds exactly the ones it entered, and at the end
 * other threads enter each monitor.
 *
 * <p>{@code --no-locks} runs the same code with a fresh object for every block (no mutual
 * exclusion): it must fail.
 */
public final class EveryWayOut {
    private static final int MONITORS = 6;
    private static final int THREADS = 4;
    private static final int ROUNDS = 12_000;
    private static final long INITIAL = 1_000_000_000L;

    static final class Cell {
        long a = INITIAL;
        long b;
        long visits;
    }

    /** What a thread's calls should have done, written outside every block. */
    static final class Tally {
        final long[] da = new long[MONITORS];
        final long[] db = new long[MONITORS];
        final long[] visits = new long[MONITORS];
        long calls;
        long inside;
        long thrown;

        void move(int from, int to, long units) {
            da[from] -= units;
            db[to] += units;
        }
    }

    static final class Flip extends RuntimeException {
        Flip() {
            super(null, null, false, false);
        }
    }

    /** A resource whose {@code close()} completes the move under the (reentrant) monitor, then may throw. */
    static final class Hold implements AutoCloseable {
        private final int x;
        private final boolean failClose;

        Hold(int x, boolean failClose) {
            this.x = x;
            this.failClose = failClose;
        }

        @Override
        public void close() {
            synchronized (lock(4)) {
                CELL[4].b += x;
                CELL[4].visits++;
            }
            if (failClose) {
                throw new Flip();
            }
        }
    }

    private static final Object[] MONITOR = new Object[MONITORS];
    /** Taken before any of the six by calls made inside a block. */
    private static final Object OUTER = new Object();
    private static final Cell[] CELL = new Cell[MONITORS];
    private static boolean locks = true;

    static Object lock(int k) {
        return locks ? MONITOR[k] : new Object();
    }

    /** Inside blocks: the thread holds exactly the monitors in {@code mask}. */
    static void holds(int mask) {
        if (!locks) {
            return;
        }
        for (int k = 0; k < MONITORS; k++) {
            boolean expected = (mask >> k & 1) != 0;
            if (Thread.holdsLock(MONITOR[k]) != expected) {
                Run.fail(Thread.currentThread().getName() + (expected ? " does not hold" : " still holds")
                        + " monitor " + k + " (expected mask " + Integer.toBinaryString(mask) + ")");
            }
        }
    }

    /** Moves one unit per round from cell 0; returns from the middle of the loop, out of one or two blocks. */
    static int loopReturn(int stop, boolean inner) {
        synchronized (lock(0)) {
            Cell c0 = CELL[0];
            c0.visits++;
            for (int k = 0; k < 16; k++) {
                c0.a--;
                if (inner) {
                    synchronized (lock(1)) {
                        holds(0b11);
                        CELL[1].b++;
                        if (k == stop) {
                            return k + 1;
                        }
                    }
                } else {
                    c0.b++;
                    if (k == stop) {
                        return k + 1;
                    }
                }
            }
            return 16;
        }
    }

    /** Labelled continue and break out of two blocks, continue and break out of the inner one. */
    static long labelled(int skip, int stopAt) {
        long moves = 0;
        long ends = 0;
        long visits = 0;
        outer:
        for (int i = 0; i < 6; i++) {
            synchronized (lock(1)) {
                CELL[1].visits++;
                visits++;
                inner:
                for (int j = 0; j < 6; j++) {
                    synchronized (lock(2)) {
                        holds(0b110);
                        if (j == skip) {
                            continue outer;
                        }
                        if (j == i + 1) {
                            continue inner;
                        }
                        CELL[1].a--;
                        CELL[2].b++;
                        moves++;
                        if (i == stopAt && j >= stopAt) {
                            break outer;
                        }
                        if (j > i + 2) {
                            break;
                        }
                    }
                }
                CELL[1].a--;
                CELL[1].b++;
                ends++;
            }
        }
        return moves << 32 | ends << 16 | visits;
    }

    /** What {@link #labelled} returns, computed without shared state. */
    static long labelledModel(int skip, int stopAt) {
        long moves = 0;
        long ends = 0;
        long visits = 0;
        outer:
        for (int i = 0; i < 6; i++) {
            visits++;
            for (int j = 0; j < 6; j++) {
                if (j == skip) {
                    continue outer;
                }
                if (j == i + 1) {
                    continue;
                }
                moves++;
                if (i == stopAt && j >= stopAt) {
                    break outer;
                }
                if (j > i + 2) {
                    break;
                }
            }
            ends++;
        }
        return moves << 32 | ends << 16 | visits;
    }

    /** Return (and throw) in a try whose finally completes the move: x, or 2x on the fall-through. */
    static long tryFinally(int x) {
        synchronized (lock(3)) {
            Cell c = CELL[3];
            try {
                c.a -= x;
                if (x % 3 == 0) {
                    return x;
                }
                if (x % 3 == 1) {
                    throw new Flip();
                }
                c.a -= x;
                c.b += x;
            } finally {
                c.b += x;
                c.visits++;
            }
            return 2L * x;
        }
    }

    /** A return from the inner block through the outer block's finally, which completes the move. */
    static long returnThroughFinally(int x) {
        synchronized (lock(3)) {
            try {
                synchronized (lock(4)) {
                    holds(0b11000);
                    CELL[4].a -= x;
                    CELL[4].visits++;
                    return x;
                }
            } finally {
                holds(0b1000);
                CELL[3].b += x;
            }
        }
    }

    /** try-with-resources inside the block: close() adds x to cell 4's b, and throws when x % 5 == 0. */
    static int withResource(int x) {
        synchronized (lock(4)) {
            try (Hold h = new Hold(x, x % 5 == 0)) {
                CELL[4].a -= x;
                if (x % 2 == 0) {
                    return x;
                }
                if (x % 7 == 0) {
                    throw new Flip();
                }
            }
            return -x;
        }
    }

    /** A switch expression above a value on the stack; its yields leave a loop, a nested block and a catch. */
    static long switchYield(int kind, int x) {
        synchronized (lock(4)) {
            Cell c = CELL[4];
            c.visits++;
            long r = x + switch (kind) {
                case 0 -> {
                    c.a -= 1;
                    c.b += 1;
                    yield 1;
                }
                case 1 -> {
                    for (int k = 0; ; k++) {
                        c.a--;
                        c.b++;
                        if (k == x % 5) {
                            yield k + 1;
                        }
                    }
                }
                case 2 -> {
                    synchronized (lock(5)) {
                        holds(0b110000);
                        c.a -= 2;
                        CELL[5].b += 2;
                        CELL[5].visits++;
                        yield 2;
                    }
                }
                default -> {
                    try {
                        c.a -= 3;
                        if (x % 2 == 0) {
                            throw new Flip();
                        }
                        c.b += 3;
                    } catch (Flip f) {
                        c.b += 3;
                    }
                    yield 3;
                }
            };
            return r - x;
        }
    }

    /** Leaves by an exception instead of the return when x is a multiple of 4. */
    static void leave(int x) {
        if (x % 4 == 0) {
            throw new Flip();
        }
    }

    /** Takes cell 0's a into cell depth's b, returning (or throwing) early from depth (0..5) of six nested monitors. */
    static int sixDeep(int depth, int x) {
        synchronized (lock(0)) {
            CELL[0].visits++;
            CELL[0].a -= x;
            if (depth == 0) {
                CELL[0].b += x;
                leave(x);
                return 0;
            }
            synchronized (lock(1)) {
                CELL[1].visits++;
                if (depth == 1) {
                    CELL[1].b += x;
                    leave(x);
                    return 1;
                }
                synchronized (lock(2)) {
                    CELL[2].visits++;
                    if (depth == 2) {
                        CELL[2].b += x;
                        leave(x);
                        return 2;
                    }
                    synchronized (lock(3)) {
                        CELL[3].visits++;
                        if (depth == 3) {
                            CELL[3].b += x;
                            leave(x);
                            return 3;
                        }
                        synchronized (lock(4)) {
                            CELL[4].visits++;
                            if (depth == 4) {
                                CELL[4].b += x;
                                leave(x);
                                return 4;
                            }
                            synchronized (lock(5)) {
                                holds(0b111111);
                                CELL[5].visits++;
                                CELL[5].b += x;
                                leave(x);
                                return 5;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Under all six monitors: the total of every cell. */
    static long audit() {
        synchronized (lock(0)) {
            synchronized (lock(1)) {
                synchronized (lock(2)) {
                    synchronized (lock(3)) {
                        synchronized (lock(4)) {
                            synchronized (lock(5)) {
                                holds(0b111111);
                                long total = 0;
                                for (Cell c : CELL) {
                                    total += c.a + c.b;
                                }
                                return total;
                            }
                        }
                    }
                }
            }
        }
    }

    static void expect(boolean ok, String call, Object got, Object expected) {
        if (!ok) {
            Run.fail(call + " returned " + got + ", expected " + expected);
        }
    }

    /** What a call that threw {@link Flip} returns. */
    private static final long THREW = Long.MIN_VALUE;

    static long call(int kind, int x, int pick) {
        return switch (kind) {
            case 0 -> loopReturn(pick % 20, (pick & 32) != 0);
            case 1 -> labelled(pick % 7, (pick >>> 3) % 7);
            case 2 -> tryFinally(x);
            case 3 -> returnThroughFinally(x);
            case 4 -> withResource(x);
            case 5 -> switchYield(pick & 3, x);
            default -> sixDeep(pick % 6, x);
        };
    }

    /** The call inside a block of its own: its blocks nest in this one, exceptions leave both. */
    static long callInside(int kind, int x, int pick) {
        synchronized (locks ? OUTER : new Object()) {
            holds(0);
            return call(kind, x, pick);
        }
    }

    static void work(int t, Tally tally) {
        int r = 0x2545F491 * (t + 1);
        for (int i = 0; i < ROUNDS; i++) {
            r = Run.next(r);
            int x = 1 + (r >>> 1) % 97;
            int pick = (r >>> 8) & 0xFF;
            int kind = i % 7;
            boolean inside = (r >>> 20 & 3) == 0;
            long got;
            try {
                got = inside ? callInside(kind, x, pick) : call(kind, x, pick);
            } catch (Flip f) {
                got = THREW;
                tally.thrown++;
            }
            String what = (inside ? "inside " : "") + "kind " + kind + ", x " + x + ", pick " + pick;
            switch (kind) {
                case 0 -> {
                    int stop = pick % 20;
                    boolean inner = (pick & 32) != 0;
                    expect(got == Math.min(stop + 1, 16), "loopReturn: " + what, got, stop + 1);
                    tally.visits[0]++;
                    tally.move(0, inner ? 1 : 0, got);
                }
                case 1 -> {
                    long want = labelledModel(pick % 7, (pick >>> 3) % 7);
                    expect(got == want, "labelled: " + what, Long.toHexString(got), Long.toHexString(want));
                    long moves = want >>> 32;
                    long ends = want >>> 16 & 0xFFFF;
                    tally.visits[1] += want & 0xFFFF;
                    tally.move(1, 2, moves);
                    tally.move(1, 1, ends);
                }
                case 2 -> {
                    long want = x % 3 == 1 ? THREW : x % 3 == 0 ? x : 2L * x;
                    expect(got == want, "tryFinally: " + what, got, want);
                    tally.visits[3]++;
                    tally.move(3, 3, x % 3 == 2 ? 2L * x : x);
                }
                case 3 -> {
                    expect(got == x, "returnThroughFinally: " + what, got, x);
                    tally.visits[4]++;
                    tally.move(4, 3, x);
                }
                case 4 -> {
                    boolean fails = x % 5 == 0 || (x % 2 != 0 && x % 7 == 0);
                    long want = fails ? THREW : x % 2 == 0 ? x : -x;
                    expect(got == want, "withResource: " + what, got, want);
                    tally.visits[4]++;
                    tally.move(4, 4, x);
                }
                case 5 -> {
                    int k = pick & 3;
                    long want = k == 1 ? x % 5 + 1 : k == 0 ? 1 : k == 2 ? 2 : 3;
                    expect(got == want, "switchYield: " + what, got, want);
                    tally.visits[4]++;
                    if (k == 2) {
                        tally.visits[5]++;
                    }
                    tally.move(4, k == 2 ? 5 : 4, want);
                }
                default -> {
                    int depth = pick % 6;
                    expect(got == (x % 4 == 0 ? THREW : depth), "sixDeep: " + what, got, depth);
                    for (int k = 0; k <= depth; k++) {
                        tally.visits[k]++;
                    }
                    tally.move(0, depth, x);
                }
            }
            tally.calls++;
            if (inside) {
                tally.inside++;
            }
            Run.check(!Thread.holdsLock(OUTER), Thread.currentThread().getName() + " still holds the outer monitor");
            for (int k = 0; k < MONITORS; k++) {
                Run.check(!Thread.holdsLock(MONITOR[k]), Thread.currentThread().getName()
                        + " still holds monitor " + k + " after call " + i + " (" + what + ")");
            }
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        for (int k = 0; k < MONITORS; k++) {
            MONITOR[k] = new Object();
            CELL[k] = new Cell();
        }
        long expectedTotal = MONITORS * INITIAL;
        Tally[] tallies = new Tally[THREADS];
        AtomicInteger finished = new AtomicInteger();
        int[] audits = new int[1];
        Run.threads(THREADS + 1, t -> {
            if (t == THREADS) {
                while (finished.get() < THREADS) {
                    long seen = audit();
                    Run.check(seen == expectedTotal, "audit saw total " + seen + ", expected " + expectedTotal);
                    audits[0]++;
                }
                return;
            }
            Tally tally = new Tally();
            try {
                work(t, tally);
            } finally {
                tallies[t] = tally;
                finished.incrementAndGet();
            }
        });
        // Other threads can still take every monitor, one by one and all six nested.
        Thread[] enterers = new Thread[MONITORS + 1];
        boolean[] entered = new boolean[MONITORS + 1];
        for (int k = 0; k <= MONITORS; k++) {
            int m = k;
            enterers[k] = new Thread(() -> {
                if (m == MONITORS) {
                    audit();
                } else {
                    synchronized (MONITOR[m]) {
                        CELL[m].visits += 0;
                    }
                }
                entered[m] = true;
            }, "enter-" + k);
            enterers[k].start();
        }
        Run.join(enterers);
        long calls = 0;
        long inside = 0;
        long thrown = 0;
        long moved = 0;
        long total = audit();
        for (int k = 0; k < MONITORS; k++) {
            Run.check(entered[k], "monitor " + k + " could not be entered");
            Run.check(!Thread.holdsLock(MONITOR[k]), "main holds monitor " + k);
            long da = 0;
            long db = 0;
            long visits = 0;
            for (Tally tally : tallies) {
                da += tally.da[k];
                db += tally.db[k];
                visits += tally.visits[k];
            }
            Cell c = CELL[k];
            Run.check(c.a == INITIAL + da, "cell " + k + ": a " + c.a + ", expected " + (INITIAL + da));
            Run.check(c.b == db, "cell " + k + ": b " + c.b + ", expected " + db);
            Run.check(c.visits == visits, "cell " + k + ": " + c.visits + " visits, expected " + visits);
            moved += db;
        }
        for (Tally tally : tallies) {
            calls += tally.calls;
            inside += tally.inside;
            thrown += tally.thrown;
        }
        Run.check(total == expectedTotal, "total " + total + ", expected " + expectedTotal);
        Run.check(audits[0] > 0, "no audit ran");
        System.out.println("every way out: " + calls + " calls (" + inside + " inside another block), " + thrown
                + " thrown, " + moved
                + " units moved, " + MONITORS + " monitors free ok");
    }
}
