package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * Inevitable transactions: at most one at a time, never rolled back once inevitable (so irrevocable
 * work happens exactly once), and the others keep committing while they do not conflict with it.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InevitableTest {

    @Test
    void atMostOneTransactionIsInevitableAndItsSideEffectsHappenOnce() {
        int threads = 4;
        int perThread = 2_000;
        long[] counter = new long[1];
        AtomicInteger insideInevitable = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ConcurrentLinkedQueue<Long> irrevocableLog = new ConcurrentLinkedQueue<>();
        AtomicLong attempts = new AtomicLong();
        AtomicInteger inevitableThreadsLeft = new AtomicInteger(threads);
        AtomicLong plainCommits = new AtomicLong();

        Workers workers = new Workers("inevitable");
        workers.add(threads, t -> () -> {
            try {
                runInevitableTransactions(t, perThread, counter, insideInevitable, mostAtOnce, irrevocableLog, attempts);
            } finally {
                inevitableThreadsLeft.decrementAndGet();
            }
        });
        // plain transactions on the same counter, which must yield to the inevitable ones
        workers.add(() -> {
            while (inevitableThreadsLeft.get() > 0) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    Barriers.storeLong(counter, 0, Barriers.loadLong(counter, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                });
                plainCommits.incrementAndGet();
            }
        });
        workers.run(50);

        assertEquals(1, mostAtOnce.get(), "inevitable transactions at once");
        assertEquals((long) threads * perThread, irrevocableLog.size(), "irrevocable side effects");
        Map<Long, Integer> seen = new HashMap<>();
        for (Long token : irrevocableLog) {
            seen.merge(token, 1, Integer::sum);
        }
        assertEquals(threads * perThread, seen.size(), "every transaction's side effect exactly once");
        assertEquals(2L * threads * perThread + plainCommits.get(), counter[0], "committed increments");
        assertTrue(attempts.get() >= (long) threads * perThread);
    }

    private static void runInevitableTransactions(int t, int perThread, long[] counter, AtomicInteger insideInevitable,
            AtomicInteger mostAtOnce, ConcurrentLinkedQueue<Long> irrevocableLog, AtomicLong attempts) {
        for (int i = 0; i < perThread; i++) {
            long token = (long) t << 32 | i;
            Stm.atomic(() -> {
                attempts.incrementAndGet();
                Segment s = Barriers.current();
                // conflict with everyone before becoming inevitable: these attempts may abort
                Barriers.storeLong(counter, 0, Barriers.loadLong(counter, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                Stm.becomeInevitable();
                int now = insideInevitable.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                try {
                    irrevocableLog.add(token);
                    Thread.onSpinWait();
                    // and after: an inevitable transaction's writes are never rolled back
                    Barriers.storeLong(counter, 0, Barriers.loadLong(counter, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                } finally {
                    insideInevitable.decrementAndGet();
                }
            });
        }
    }

    @Test
    void anInevitableTransactionIsNeverRolledBackByAConflict() {
        long[] cell = new long[1];
        CountDownLatch inevitable = new CountDownLatch(1);
        CountDownLatch conflictingCommitted = new CountDownLatch(1);
        AtomicInteger inevitableAttempts = new AtomicInteger();
        AtomicBoolean otherCommittedEarly = new AtomicBoolean();

        Workers workers = new Workers("inevitable-wins");
        workers.add(() -> Stm.atomic(() -> {
            inevitableAttempts.incrementAndGet();
            Segment s = Barriers.current();
            Stm.becomeInevitable();
            long before = Barriers.loadLong(cell, 0, s, Sites.UNKNOWN);
            inevitable.countDown();
            // give the conflicting writer time to try; it must not commit under us
            try {
                otherCommittedEarly.set(conflictingCommitted.await(300, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Barriers.storeLong(cell, 0, before + 100, s, Sites.UNKNOWN);
        }));
        workers.add(() -> {
            try {
                inevitable.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Stm.atomic(() -> {
                Segment s = Barriers.current();
                Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
            });
            conflictingCommitted.countDown();
        });
        workers.run(50);

        assertEquals(1, inevitableAttempts.get(), "the inevitable transaction ran once");
        assertFalse(otherCommittedEarly.get(), "a conflicting writer committed inside the inevitable transaction");
        assertEquals(101, cell[0], "both increments, in some serial order");
    }

    @Test
    void othersKeepCommittingWhileAnInevitableTransactionRuns() {
        long[] inevitableData = new long[1];
        long[] otherData = new long[1];
        CountDownLatch inevitable = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        AtomicBoolean othersFinishedMeanwhile = new AtomicBoolean();

        Workers workers = new Workers("inevitable-concurrent");
        workers.add(() -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            Stm.becomeInevitable();
            Barriers.storeLong(inevitableData, 0, 1, s, Sites.UNKNOWN);
            inevitable.countDown();
            try {
                othersFinishedMeanwhile.set(othersDone.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }));
        workers.add(() -> {
            try {
                inevitable.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            for (int i = 0; i < 100; i++) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    Barriers.storeLong(otherData, 0, Barriers.loadLong(otherData, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                });
            }
            othersDone.countDown();
        });
        workers.run(50);

        assertTrue(othersFinishedMeanwhile.get(), "non-conflicting transactions committed while one was inevitable");
        assertEquals(100, otherData[0]);
        assertEquals(1, inevitableData[0]);
    }

    @Test
    void becomingInevitableAfterAStaleReadRestartsInsteadOfRunningOnATornSnapshot() {
        assumeTrue(Stm.segmentLimit() >= 2, "needs a second segment for the conflicting writer");
        long[] x = new long[1];
        long[] z = new long[1];
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger torn = new AtomicInteger();

        Stm.atomic(() -> {
            int attempt = attempts.incrementAndGet();
            Segment s = Barriers.current();
            long seenX = Barriers.loadLong(x, 0, s, Sites.UNKNOWN);
            if (attempt == 1) {
                // another transaction changes x and z together after we read x
                new Workers("writer").add(() -> Stm.atomic(() -> {
                    Segment w = Barriers.current();
                    Barriers.storeLong(x, 0, 5, w, Sites.UNKNOWN);
                    Barriers.storeLong(z, 0, 5, w, Sites.UNKNOWN);
                })).run(30);
            }
            Stm.becomeInevitable();
            long seenZ = Barriers.loadLong(z, 0, s, Sites.UNKNOWN);
            if (seenX != seenZ) {
                torn.incrementAndGet();
            }
            Barriers.storeLong(x, 0, seenX + seenZ, s, Sites.UNKNOWN);
        });

        assertEquals(0, torn.get(), "an attempt that became inevitable saw x and z from different commits");
        assertEquals(10, x[0]);
        assertEquals(2, attempts.get(), "the stale attempt restarted");
    }

    @Test
    void anInevitableTransactionReadingALocationAnotherHoldsDoesNotDeadlock() {
        long[] cell = new long[1];
        CountDownLatch held = new CountDownLatch(1);
        AtomicInteger inevitableAttempts = new AtomicInteger();

        Workers workers = new Workers("inevitable-vs-holder");
        workers.add(() -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
            held.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
        }));
        workers.add(() -> {
            try {
                held.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Stm.atomic(() -> {
                inevitableAttempts.incrementAndGet();
                Segment s = Barriers.current();
                Stm.becomeInevitable();
                Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, s, Sites.UNKNOWN) + 10, s, Sites.UNKNOWN);
            });
        });
        workers.run(30);

        assertEquals(11, cell[0], "both increments, in some serial order");
        assertEquals(1, inevitableAttempts.get(), "the inevitable attempt ran once");
    }

    @Test
    void anExceptionLeavingAnInevitableTransactionCommitsAndFreesInevitability() {
        long[] cell = new long[1];
        IllegalStateException thrown = new IllegalStateException();

        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> Stm.atomic(() -> {
            Stm.becomeInevitable();
            Barriers.storeLong(cell, 0, 1, Barriers.current(), Sites.UNKNOWN);
            throw thrown;
        }));
        assertSame(thrown, caught);
        assertEquals(1, cell[0]);

        // another thread can become inevitable now
        new Workers("next-inevitable").add(() -> Stm.atomic(() -> {
            Stm.becomeInevitable();
            Barriers.storeLong(cell, 0, 2, Barriers.current(), Sites.UNKNOWN);
        })).run(10);
        assertEquals(2, cell[0]);
    }

    @Test
    void becomingInevitableInsideANestedRegionMakesTheWholeTransactionInevitable() {
        long[] cell = new long[1];
        AtomicInteger attempts = new AtomicInteger();

        Stm.atomic(() -> {
            attempts.incrementAndGet();
            Barriers.storeLong(cell, 0, 1, Barriers.current(), Sites.UNKNOWN);
            Stm.atomic(Stm::becomeInevitable);
            // an abort now would be a bug: the transaction promised not to roll back
            Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, Barriers.current(), Sites.UNKNOWN) + 1, Barriers.current(), Sites.UNKNOWN);
        });

        assertEquals(1, attempts.get());
        assertEquals(2, cell[0]);
    }

    @Test
    void becomeInevitableOutsideATransactionDoesNothing() {
        Stm.becomeInevitable();
        assertFalse(Stm.inTransaction());
        assertEquals(7, (int) Stm.atomic(() -> {
            Stm.becomeInevitable();
            Stm.becomeInevitable(); // twice is fine
            return 7;
        }));
    }

    @Test
    void whatAnInevitableTransactionOnlyReadKeepsItsVersionSoReadersOfItStillCommit() throws Exception {
        long[] x = new long[1];
        long[] y = new long[1];
        java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch inevitableDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.loadLong(x, 0, s, Sites.UNKNOWN);
            if (attempts.incrementAndGet() == 1) {
                read.countDown();
                try {
                    inevitableDone.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            Barriers.storeLong(y, 0, 1, s, Sites.UNKNOWN);
        }));
        reader.start();
        read.await();
        Stm.atomic(() -> {
            Stm.becomeInevitable();
            Barriers.loadLong(x, 0, Barriers.current(), Sites.UNKNOWN); // locked to read, never written
        });
        inevitableDone.countDown();
        reader.join();
        assertEquals(1, attempts.get(), "the reader committed its first attempt");
        assertEquals(1, y[0]);
    }

    /**
     * With locks, {@code synchronized (t) { t.join(); }} stops nobody but those who want {@code t}'s
     * monitor, so the joined thread may run regions that must become inevitable.
     */
    @Test
    void aTransactionBlockedInJoinDoesNotStopTheJoinedThreadBecomingInevitable() {
        long[] held = new long[1];
        long[] counted = new long[1];
        AtomicBoolean joinedInTime = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                Stm.atomic(() -> {
                    Stm.becomeInevitable();
                    Segment s = Barriers.current();
                    Barriers.storeLong(counted, 0, Barriers.loadLong(counted, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                });
            }
        }, "joined");
        Stm.atomic(() -> {
            Stm.becomeInevitable();
            Barriers.storeLong(held, 0, 1, Barriers.current(), Sites.UNKNOWN);
            worker.start();
            joinedInTime.set(joinUninterruptibly(worker, 20_000));
        });
        assertTrue(joinedInTime.get(), "the joined thread could not become inevitable while the joiner waited for it");
        assertEquals(100, counted[0]);
        assertEquals(1, held[0]);
    }

    /**
     * An attempt killed by the inevitable transaction waits for its end before it runs again; not
     * when that transaction then blocks waiting for the killed thread.
     */
    @Test
    void anAttemptKilledByATransactionThatThenJoinsItsThreadRunsAgain() throws InterruptedException {
        long[] contested = new long[1];
        long[] other = new long[1];
        CountDownLatch workerLocked = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger workerAttempts = new AtomicInteger();
        AtomicBoolean joinedInTime = new AtomicBoolean();
        Thread worker = new Thread(() -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            if (workerAttempts.incrementAndGet() == 1) {
                Barriers.storeLong(contested, 0, 5, s, Sites.UNKNOWN);
                workerLocked.countDown();
                awaitUninterruptibly(killed); // then its commit finds it was killed
            } else {
                Barriers.storeLong(other, 0, 7, s, Sites.UNKNOWN);
            }
        }), "killed");
        worker.start();
        workerLocked.await();
        Stm.atomic(() -> {
            Stm.becomeInevitable();
            Barriers.storeLong(contested, 0, 1, Barriers.current(), Sites.UNKNOWN); // kills the worker's attempt
            killed.countDown();
            joinedInTime.set(joinUninterruptibly(worker, 20_000));
        });
        assertTrue(joinedInTime.get(), "the killed attempt waited for its killer, which waited for it");
        assertEquals(2, workerAttempts.get());
        assertEquals(1, contested[0]);
        assertEquals(7, other[0]);
    }

    private static boolean joinUninterruptibly(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return !thread.isAlive();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void isInevitableSaysWhetherTheRunningTransactionCanStillBeRolledBack() {
        assertFalse(Stm.isInevitable(), "outside a transaction");
        boolean[] seen = new boolean[2];
        Stm.atomic(() -> {
            seen[0] = Stm.isInevitable();
            Stm.becomeInevitable();
            seen[1] = Stm.isInevitable();
        });
        assertFalse(seen[0], "an optimistic transaction");
        assertTrue(seen[1], "after becomeInevitable");
    }

    private static final Object GUARD = new Object();

    /**
     * A region that makes an irrevocable call may change what its monitor guards without barriers
     * (code that is not rewritten): another region that was inside the monitor before it, and read
     * half of that data before the call and half after, must not commit what it saw.
     */
    @Test
    void aRegionThatReadAcrossAnotherRegionsRawWritesDoesNotCommit() throws Exception {
        long[] cells = new long[2];
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch rawWritten = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            Segment s = Barriers.beginRegion();
            while (true) {
                long a;
                long b;
                try {
                    Barriers.monitorEnter(GUARD, s);
                    a = Barriers.loadLong(cells, 0, s, Sites.UNKNOWN);
                    firstRead.countDown();
                    awaitQuietly(rawWritten);
                    b = Barriers.loadLong(cells, 1, s, Sites.UNKNOWN);
                    Barriers.monitorExit(GUARD, s);
                } catch (Throwable thrown) {
                    Barriers.afterThrowable(s, thrown);
                    continue;
                }
                if (Barriers.commit(s)) {
                    committed.add(a + "," + b);
                    return;
                }
            }
        });
        reader.start();
        assertTrue(firstRead.await(30, TimeUnit.SECONDS));
        Segment s = Barriers.beginRegion();
        while (true) {
            try {
                Barriers.monitorEnter(GUARD, s);
                Barriers.becomeInevitable(s, Sites.UNKNOWN); // an irrevocable call, which then writes without barriers
                cells[0] = 1;
                cells[1] = 1;
                Barriers.monitorExit(GUARD, s);
            } catch (Throwable thrown) {
                Barriers.afterThrowable(s, thrown);
                continue;
            }
            if (Barriers.commit(s)) {
                break;
            }
        }
        rawWritten.countDown();
        reader.join();
        assertEquals("[1,1]", committed.toString(), "the reader committed a view half before, half after the call");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
