package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.TransactionAbort;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.Sites;

/** The transaction queue runs every task once, each atomically, including tasks added by tasks. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransactionQueueTest {

    @Test
    void everyTaskRunsOnceAtomicallyIncludingTasksAddedByTasks() {
        long[] cells = new long[8];
        AtomicInteger committedRuns = new AtomicInteger();
        TransactionQueue queue = new TransactionQueue();
        for (int i = 0; i < 2_000; i++) {
            int cell = i % cells.length;
            queue.add(() -> {
                Segment s = Barriers.current();
                Barriers.storeLong(cells, cell, Barriers.loadLong(cells, cell, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                // a conflicting shared total: the task is retried, yet adds its child only once
                Barriers.storeLong(cells, 0, Barriers.loadLong(cells, 0, s, Sites.UNKNOWN) + 0, s, Sites.UNKNOWN);
                if (cell == 1) {
                    queue.add(() -> {
                        Segment t = Barriers.current();
                        Barriers.storeLong(cells, 7, Barriers.loadLong(cells, 7, t, Sites.UNKNOWN) + 1000, t, Sites.UNKNOWN);
                    });
                }
                Stm.afterCommit(committedRuns::incrementAndGet);
            });
        }
        queue.run();

        assertEquals(0, queue.size());
        assertEquals(2_000, committedRuns.get(), "each task's transaction committed exactly once");
        assertEquals(250, cells[1]);
        assertEquals(250 + 250 * 1000, cells[7], "every child task ran once");
        long sum = 0;
        for (long c : cells) {
            sum += c;
        }
        assertEquals(2_000 + 250 * 1000, sum);
    }

    @Test
    void theFirstExceptionStopsTheQueueAndIsRethrownWithItsEffectsCommitted() {
        long[] cell = new long[1];
        IllegalStateException boom = new IllegalStateException("task failed");
        TransactionQueue queue = new TransactionQueue();
        queue.add(() -> {
            Segment s = Barriers.current();
            Barriers.storeLong(cell, 0, 42, s, Sites.UNKNOWN);
            throw boom;
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, queue::run);
        assertSame(boom, thrown);
        assertEquals(42, cell[0], "the failing task's writes commit, as a region left by an exception does");
    }

    @Test
    void runsOnTheNumberOfThreadsAsked() {
        for (int threads : new int[] {1, 3}) {
            java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.CyclicBarrier allThere = new java.util.concurrent.CyclicBarrier(threads);
            TransactionQueue queue = new TransactionQueue();
            for (int i = 0; i < threads; i++) {
                queue.add(() -> Stm.afterCommit(() -> {
                    workers.add(Thread.currentThread());
                    try {
                        allThere.await(); // each of the first tasks holds its worker until all have one
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            queue.run(threads);
            assertEquals(threads, workers.size());
            assertTrue(workers.contains(Thread.currentThread()), "the caller is one of the workers");
        }
        assertThrows(IllegalArgumentException.class, () -> new TransactionQueue().run(0));
    }

    @Test
    void runInsideATransactionIsRefused() {
        TransactionQueue queue = new TransactionQueue();
        assertThrows(IllegalStateException.class, () -> Stm.atomic(() -> queue.run()));
        assertTrue(queue.size() == 0);
    }

    @Test
    void afterCommitRunsOnceAndNotForAbortedAttempts() {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        Stm.atomic(() -> {
            Stm.afterCommit(ran::incrementAndGet);
            if (attempts.incrementAndGet() < 3) {
                throw TransactionAbort.of(AbortCause.OTHER);
            }
        });
        assertEquals(3, attempts.get());
        assertEquals(1, ran.get());
        Stm.afterCommit(ran::incrementAndGet); // outside a transaction: at once
        assertEquals(2, ran.get());
    }
}
