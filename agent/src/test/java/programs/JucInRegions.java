package programs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * {@code java.util.concurrent} inside {@code synchronized} regions, and regions inside code that
 * already holds a {@code java.util.concurrent} lock. Four threads each run a fixed mix of steps:
 * <ul>
 * <li>in a region on {@code A}: a {@code ReentrantLock}, a {@code ReentrantReadWriteLock}'s write
 * lock (or its read lock, checking the pair it guards), a {@code StampedLock} write (or an
 * optimistic read, validated), a {@code Semaphore} used as a mutex, each guarding a plain counter
 * of its own, plus {@code AtomicLong}, {@code AtomicInteger} and {@code ConcurrentHashMap.merge};
 * <li>outside any region: the same lock, then a region on {@code B} inside it (and the same for
 * the other locks), which also counts under the lock outside the region;
 * <li>nested: a region on {@code A}, the lock inside it, a region on {@code B} inside that.
 * </ul>
 * Locks are always taken in the order {@code A}, the {@code java.util.concurrent} lock, {@code B},
 * so no order can deadlock. The counters behind {@code A} and {@code B} are read at the start of
 * their region and written back at its end, with the other calls in between, so that regions that
 * overlapped would lose updates. Between phases all threads meet at a {@code CountDownLatch},
 * counted down and awaited inside a region on a monitor of their own.
 *
 * <p>Each thread tallies what it did outside every block; at the end every counter, atomic and map
 * entry must equal the tallies' sum: an update lost or applied twice shows there.
 *
 * <p>{@code --no-locks} runs the same code with a fresh object for every {@code synchronized}
 * block (the {@code java.util.concurrent} locks stay): the counters behind {@code A} and {@code B}
 * then lose updates, so it must fail.
 */
public final class JucInRegions {
    private static final int THREADS = 4;
    private static final int PHASES = 4;
    private static final int STEPS = 1_500;
    private static final int KINDS = 12;

    private static final Object A = new Object();
    private static final Object B = new Object();
    private static final Object[] OWN = new Object[THREADS];
    private static boolean locks = true;

    /** Guarded by A, and by B. */
    private static long aCount;
    private static long bCount;

    private static final ReentrantLock RL = new ReentrantLock();
    private static long rlCount;
    private static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    private static long rwX;
    private static long rwY;
    private static long rwReads;
    private static final StampedLock SL = new StampedLock();
    private static long slX;
    private static long slY;
    private static final Semaphore SEM = new Semaphore(1);
    private static long semCount;
    private static final AtomicLong ATOMIC_LONG = new AtomicLong();
    private static final AtomicInteger ATOMIC_INT = new AtomicInteger();
    private static final ConcurrentHashMap<Integer, Long> MAP = new ConcurrentHashMap<>();
    private static final AtomicLong VALIDATED = new AtomicLong();

    static Object lock(Object monitor) {
        return locks ? monitor : new Object();
    }

    static final class Tally {
        long a;
        long b;
        long rl;
        long rw;
        long rwReads;
        long sl;
        long sem;
        long atomicLong;
        int atomicInt;
        final long[] map = new long[8];
        long latches;
    }

    /** What one step does under whichever locks the caller holds. */
    static void juc(int kind, int key, Tally t) throws InterruptedException {
        switch (kind % 6) {
            case 0 -> {
                RL.lock();
                try {
                    rlCount++;
                    t.rl++;
                } finally {
                    RL.unlock();
                }
            }
            case 1 -> {
                if ((key & 1) == 0) {
                    RW.writeLock().lock();
                    try {
                        rwX++;
                        rwY++;
                        t.rw++;
                    } finally {
                        RW.writeLock().unlock();
                    }
                } else {
                    RW.readLock().lock();
                    try {
                        Run.check(rwX == rwY, "read lock saw x " + rwX + ", y " + rwY);
                    } finally {
                        RW.readLock().unlock();
                    }
                    synchronized (lock(B)) {
                        rwReads++;
                    }
                    t.rwReads++;
                }
            }
            case 2 -> {
                long stamp = SL.tryOptimisticRead();
                long x = slX;
                long y = slY;
                if (SL.validate(stamp)) {
                    Run.check(x == y, "validated optimistic read saw x " + x + ", y " + y);
                    VALIDATED.incrementAndGet();
                }
                stamp = SL.writeLock();
                try {
                    slX++;
                    slY++;
                    t.sl++;
                } finally {
                    SL.unlockWrite(stamp);
                }
            }
            case 3 -> {
                SEM.acquire();
                try {
                    semCount++;
                    t.sem++;
                } finally {
                    SEM.release();
                }
            }
            case 4 -> {
                ATOMIC_LONG.addAndGet(key + 1);
                t.atomicLong += key + 1;
                ATOMIC_INT.incrementAndGet();
                t.atomicInt++;
            }
            default -> {
                MAP.merge(key & 7, (long) key, Long::sum);
                t.map[key & 7] += key;
            }
        }
    }

    /** A region on A around the step: A's counter read first, written back last. */
    static void inA(int kind, int key, Tally t) throws InterruptedException {
        synchronized (lock(A)) {
            long a0 = aCount;
            juc(kind, key, t);
            aCount = a0 + 1;
            t.a++;
        }
    }

    /** The step's lock taken outside any region, a region on B inside it. */
    static void lockThenB(int kind, int key, Tally t) throws InterruptedException {
        switch (kind % 4) {
            case 0 -> {
                RL.lock();
                try {
                    inB(t);
                    rlCount++;
                    t.rl++;
                } finally {
                    RL.unlock();
                }
            }
            case 1 -> {
                RW.writeLock().lock();
                try {
                    rwX++;
                    inB(t);
                    rwY++;
                    t.rw++;
                } finally {
                    RW.writeLock().unlock();
                }
            }
            case 2 -> {
                long stamp = SL.writeLock();
                try {
                    slX++;
                    inB(t);
                    slY++;
                    t.sl++;
                } finally {
                    SL.unlockWrite(stamp);
                }
            }
            default -> {
                SEM.acquire();
                try {
                    inB(t);
                    semCount++;
                    t.sem++;
                } finally {
                    SEM.release();
                }
            }
        }
    }

    static void inB(Tally t) {
        synchronized (lock(B)) {
            long b0 = bCount;
            ATOMIC_INT.incrementAndGet();
            t.atomicInt++;
            bCount = b0 + 1;
            t.b++;
        }
    }

    /** A region on A, the step's lock inside it, a region on B inside that. */
    static void nested(int kind, int key, Tally t) throws InterruptedException {
        synchronized (lock(A)) {
            long a0 = aCount;
            lockThenB(kind, key, t);
            aCount = a0 + 1;
            t.a++;
        }
    }

    /** All threads meet: each counts down and awaits inside a region on its own monitor. */
    static void meet(int id, CountDownLatch latch, Tally t) throws InterruptedException {
        synchronized (lock(OWN[id])) {
            latch.countDown();
            latch.await();
            t.latches++;
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        for (int t = 0; t < THREADS; t++) {
            OWN[t] = new Object();
        }
        CountDownLatch[] latches = new CountDownLatch[PHASES];
        for (int p = 0; p < PHASES; p++) {
            latches[p] = new CountDownLatch(THREADS);
        }
        Tally[] tallies = new Tally[THREADS];
        Run.threads(THREADS, id -> {
            Tally t = new Tally();
            int r = 0x7F4A7C15 * (id + 1);
            try {
                for (int p = 0; p < PHASES; p++) {
                    for (int i = 0; i < STEPS; i++) {
                        r = Run.next(r);
                        int kind = (r >>> 3) % KINDS;
                        int key = (r >>> 12) & 0xFF;
                        switch ((r >>> 24) % 3) {
                            case 0 -> inA(kind, key, t);
                            case 1 -> lockThenB(kind, key, t);
                            default -> nested(kind, key, t);
                        }
                    }
                    meet(id, latches[p], t);
                }
            } catch (InterruptedException e) {
                Run.fail("interrupted");
            }
            tallies[id] = t;
        });
        Tally sum = new Tally();
        for (Tally t : tallies) {
            sum.a += t.a;
            sum.b += t.b;
            sum.rl += t.rl;
            sum.rw += t.rw;
            sum.rwReads += t.rwReads;
            sum.sl += t.sl;
            sum.sem += t.sem;
            sum.atomicLong += t.atomicLong;
            sum.atomicInt += t.atomicInt;
            sum.latches += t.latches;
            for (int k = 0; k < 8; k++) {
                sum.map[k] += t.map[k];
            }
        }
        synchronized (lock(A)) {
            Run.check(aCount == sum.a, "A's counter " + aCount + ", expected " + sum.a);
        }
        synchronized (lock(B)) {
            Run.check(bCount == sum.b, "B's counter " + bCount + ", expected " + sum.b);
            Run.check(rwReads == sum.rwReads, rwReads + " read-lock reads counted, expected " + sum.rwReads);
        }
        Run.check(rlCount == sum.rl, "ReentrantLock's counter " + rlCount + ", expected " + sum.rl);
        Run.check(rwX == sum.rw && rwY == sum.rw, "ReentrantReadWriteLock's pair " + rwX + ", " + rwY + ", expected "
                + sum.rw);
        Run.check(slX == sum.sl && slY == sum.sl, "StampedLock's pair " + slX + ", " + slY + ", expected " + sum.sl);
        Run.check(semCount == sum.sem, "Semaphore's counter " + semCount + ", expected " + sum.sem);
        Run.check(SEM.availablePermits() == 1, SEM.availablePermits() + " permits, expected 1");
        Run.check(ATOMIC_LONG.get() == sum.atomicLong, "AtomicLong " + ATOMIC_LONG.get() + ", expected "
                + sum.atomicLong);
        Run.check(ATOMIC_INT.get() == sum.atomicInt, "AtomicInteger " + ATOMIC_INT.get() + ", expected "
                + sum.atomicInt);
        long mapTotal = 0;
        for (int k = 0; k < 8; k++) {
            long got = MAP.getOrDefault(k, 0L);
            Run.check(got == sum.map[k], "map[" + k + "] " + got + ", expected " + sum.map[k]);
            mapTotal += got;
        }
        Run.check(sum.latches == THREADS * (long) PHASES, sum.latches + " meetings, expected " + THREADS * PHASES);
        Run.check(!RL.isLocked() && !RW.isWriteLocked() && RW.getReadLockCount() == 0 && !SL.isWriteLocked(),
                "a lock is still held");
        System.out.println("juc in regions: " + THREADS * PHASES * STEPS + " steps, A " + sum.a + ", B " + sum.b
                + ", ReentrantLock " + sum.rl + ", read-write " + sum.rw + "/" + sum.rwReads + ", stamped " + sum.sl
                + ", semaphore " + sum.sem + ", atomics " + sum.atomicLong + "/" + sum.atomicInt + ", map "
                + mapTotal + ", " + PHASES + " meetings ok");
    }
}
