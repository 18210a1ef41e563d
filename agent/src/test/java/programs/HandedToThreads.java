package programs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work handed to other threads inside a region. While holding a monitor, a region writes its
 * cell's {@code input}, hands a helper task to another thread and waits for it: (a)
 * {@code new Thread(...).start()} and {@code join()}, (b) {@code ExecutorService.submit} and
 * {@code Future.get()}, (c) {@code CompletableFuture.supplyAsync(..., executor).join()}. The
 * helper reads {@code input} twice, once plainly and once inside a region on a monitor of its own
 * ({@code HELPER}, never the one its caller holds), and must see what the region wrote before the
 * start or submit (they happen-before the task); it writes a note into the cell and returns a
 * value, and the region, after the join or get (the task's completion happens-before them), checks
 * both and adds the value into its cell. Four threads do this at once, half of the time on one
 * shared cell under one shared monitor and half on a cell under a monitor of their own.
 *
 * <p>Each thread tallies, outside every block, how many regions it ran on which cell and what they
 * added; at the end each cell must hold exactly that, and the helpers' own count (under
 * {@code HELPER}) must equal the number of tasks handed out. A race on the shared cell shows as a
 * helper reading another region's {@code input}, a note or value that does not match, or a lost
 * addition.
 *
 * <p>{@code --no-locks} runs the same code with a fresh object for every block (no mutual
 * exclusion): the regions on the shared cell overlap while their helpers run, so it must fail.
 */
public final class HandedToThreads {
    private static final int THREADS = 4;
    private static final int ROUNDS = 240;
    private static final int KINDS = 3;

    static final class Cell {
        long seq;
        long input;
        long note;
        long sum;
        long regions;
        final long[] byKind = new long[KINDS];
    }

    private static final Object SHARED = new Object();
    private static final Object[] OWN = new Object[THREADS];
    private static final Object HELPER = new Object();
    private static final Cell SHARED_CELL = new Cell();
    private static final Cell[] OWN_CELL = new Cell[THREADS];
    private static long helperRuns;
    private static boolean locks = true;
    private static ExecutorService pool;

    static Object lock(Object monitor) {
        return locks ? monitor : new Object();
    }

    static long value(long input) {
        return input * 3 + 1;
    }

    static long noteOf(long input) {
        return input ^ 0x5DEECE66DL;
    }

    /** The helper task: reads what the caller's region wrote, notes it, returns a value made from it. */
    static long help(Cell c) {
        long plain = c.input;
        long inside;
        synchronized (lock(HELPER)) {
            inside = c.input;
            helperRuns++;
        }
        c.note = noteOf(inside);
        return value(plain);
    }

    static long handOff(int kind, Cell c) throws Exception {
        switch (kind) {
            case 0 -> {
                long[] result = new long[1];
                Thread helper = new Thread(() -> result[0] = help(c), "helper");
                helper.setUncaughtExceptionHandler(Run::uncaught);
                helper.start();
                helper.join();
                return result[0];
            }
            case 1 -> {
                Future<Long> f = pool.submit(() -> help(c));
                return f.get();
            }
            default -> {
                return CompletableFuture.supplyAsync(() -> help(c), pool).join();
            }
        }
    }

    /** One region on {@code monitor}: writes the cell's input, hands it off, writes the result back. */
    static long region(int t, int kind, Object monitor, Cell c) throws Exception {
        synchronized (lock(monitor)) {
            long v = ++c.seq * 1000 + t;
            c.input = v;
            c.note = 0;
            long r = handOff(kind, c);
            Run.check(r == value(v), "kind " + kind + ": helper returned " + r + ", expected " + value(v)
                    + " (it read input " + (r - 1) / 3 + ", the region wrote " + v + ")");
            Run.check(c.note == noteOf(v), "kind " + kind + ": helper's note " + c.note + ", expected "
                    + noteOf(v) + " (input " + v + ")");
            Run.check(c.input == v, "kind " + kind + ": input changed to " + c.input + " while the region held "
                    + v);
            c.sum += r;
            c.regions++;
            c.byKind[kind]++;
            return r;
        }
    }

    static final class Tally {
        long sharedSum;
        long sharedRegions;
        long ownSum;
        long ownRegions;
    }

    public static void main(String[] args) throws Exception {
        Run.startWatchdog();
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        for (int t = 0; t < THREADS; t++) {
            OWN[t] = new Object();
            OWN_CELL[t] = new Cell();
        }
        pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "pool");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(Run::uncaught);
            return thread;
        });
        Tally[] tallies = new Tally[THREADS];
        Run.threads(THREADS, t -> {
            Tally tally = new Tally();
            int r = 0x9E3779B9 * (t + 1);
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    r = Run.next(r);
                    int kind = i % KINDS;
                    if (((r >>> 7) & 1) == 0) {
                        tally.sharedSum += region(t, kind, SHARED, SHARED_CELL);
                        tally.sharedRegions++;
                    } else {
                        tally.ownSum += region(t, kind, OWN[t], OWN_CELL[t]);
                        tally.ownRegions++;
                    }
                }
            } catch (ExecutionException e) {
                Run.uncaught(Thread.currentThread(), e.getCause());
            } catch (Exception e) {
                Run.uncaught(Thread.currentThread(), e);
            }
            tallies[t] = tally;
        });
        pool.shutdown();
        long sharedSum = 0;
        long sharedRegions = 0;
        long ownRegions = 0;
        long ownSum = 0;
        for (int t = 0; t < THREADS; t++) {
            Tally tally = tallies[t];
            sharedSum += tally.sharedSum;
            sharedRegions += tally.sharedRegions;
            ownSum += tally.ownSum;
            ownRegions += tally.ownRegions;
            Cell c = OWN_CELL[t];
            synchronized (lock(OWN[t])) {
                Run.check(c.sum == tally.ownSum, "own cell " + t + ": sum " + c.sum + ", expected " + tally.ownSum);
                Run.check(c.regions == tally.ownRegions, "own cell " + t + ": " + c.regions + " regions, expected "
                        + tally.ownRegions);
                Run.check(c.seq == tally.ownRegions, "own cell " + t + ": seq " + c.seq + ", expected "
                        + tally.ownRegions);
            }
        }
        long[] byKind = new long[KINDS];
        synchronized (lock(SHARED)) {
            Cell c = SHARED_CELL;
            Run.check(c.sum == sharedSum, "shared cell: sum " + c.sum + ", expected " + sharedSum);
            Run.check(c.regions == sharedRegions, "shared cell: " + c.regions + " regions, expected " + sharedRegions);
            Run.check(c.seq == sharedRegions, "shared cell: seq " + c.seq + ", expected " + sharedRegions);
            for (int k = 0; k < KINDS; k++) {
                byKind[k] += c.byKind[k];
            }
        }
        for (int t = 0; t < THREADS; t++) {
            for (int k = 0; k < KINDS; k++) {
                byKind[k] += OWN_CELL[t].byKind[k];
            }
        }
        long total = THREADS * (long) ROUNDS;
        synchronized (lock(HELPER)) {
            Run.check(helperRuns == total, helperRuns + " helper runs, expected " + total);
        }
        for (int k = 0; k < KINDS; k++) {
            long want = THREADS * (long) ((ROUNDS + KINDS - 1 - k) / KINDS);
            Run.check(byKind[k] == want, "kind " + k + ": " + byKind[k] + " regions, expected " + want);
        }
        System.out.println("handed to threads: " + total + " regions (" + sharedRegions + " shared, " + ownRegions
                + " own), " + byKind[0] + " threads started, " + byKind[1] + " submitted, " + byKind[2]
                + " supplied async, helpers saw every input ok");
    }
}
