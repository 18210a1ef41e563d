package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;
import org.stmagent.runtime.stats.StatisticsTest;
import org.stmagent.runtime.stats.ThreadReport;
import org.stmagent.runtime.stats.TimedState;

/**
 * The segment pool bounds how many transactions run at once; threads beyond the limit wait for a free
 * segment and then run, so every transaction still completes.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SegmentLimitTest {

    @Test
    void theSegmentLimitIsPositiveAndStable() {
        int limit = Stm.segmentLimit();
        assertTrue(limit >= 1, "segment limit " + limit);
        assertEquals(limit, Stm.segmentLimit());
        assertEquals(limit, (int) Stm.atomic(Stm::segmentLimit), "the same inside a transaction");
    }

    @Test
    void moreThreadsThanSegmentsAllCompleteAndNeverExceedTheLimit() {
        int limit = Stm.segmentLimit();
        int threads = Math.max(6, 3 * limit);
        int perThread = 3_000;
        long[] cells = new long[threads];
        long[] shared = new long[1];
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        Workers workers = new Workers("segment-limit");
        workers.add(threads, t -> () -> {
            for (int i = 0; i < perThread; i++) {
                Stm.atomic(() -> {
                    int now = running.incrementAndGet();
                    mostAtOnce.accumulateAndGet(now, Math::max);
                    try {
                        Segment s = Barriers.current();
                        Barriers.storeLong(cells, t, Barriers.loadLong(cells, t, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                        for (int spin = 0; spin < 20; spin++) {
                            Thread.onSpinWait();
                        }
                        if ((t & 3) == 0) {
                            Barriers.storeLong(shared, 0, Barriers.loadLong(shared, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                        }
                    } finally {
                        running.decrementAndGet();
                    }
                });
            }
        });
        workers.run(50);

        assertTrue(mostAtOnce.get() <= limit, "transactions at once: " + mostAtOnce + ", limit " + limit);
        long expectedShared = 0;
        for (int t = 0; t < threads; t++) {
            assertEquals(perThread, cells[t], "thread " + t + "'s committed transactions");
            if ((t & 3) == 0) {
                expectedShared += perThread;
            }
        }
        assertEquals(expectedShared, shared[0]);
    }

    @Test
    void aThreadFindingNoFreeSegmentWaitsAndTheWaitIsCounted() throws InterruptedException {
        int limit = Stm.segmentLimit();
        CountDownLatch allHeld = new CountDownLatch(limit);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ranWhileAllHeld = new AtomicBoolean();
        AtomicBoolean holdersReleased = new AtomicBoolean();
        AtomicReference<Thread> waiter = new AtomicReference<>();

        Workers workers = new Workers("segment-wait");
        // the holders keep running (a holder blocked in the program would let the waiter have an extra segment)
        workers.add(limit, h -> () -> Stm.atomic(() -> {
            allHeld.countDown();
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
        }));
        workers.add(() -> {
            try {
                allHeld.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            waiter.set(Thread.currentThread());
            Stm.atomic(() -> ranWhileAllHeld.set(!holdersReleased.get()));
        });
        Thread releaser = new Thread(() -> {
            try {
                allHeld.await();
                TimeUnit.MILLISECONDS.sleep(30); // well below the 100 ms after which a starved thread gets an extra segment
            } catch (InterruptedException e) {
                return;
            }
            holdersReleased.set(true);
            release.countDown();
        });
        releaser.setDaemon(true);
        releaser.start();
        workers.run(50);
        releaser.join();

        assertTrue(!ranWhileAllHeld.get(), "a transaction ran while all " + limit + " segments were held");
        ThreadReport report = StatisticsTest.reportOf(waiter.get());
        assertTrue(report.count(TimedState.WAIT_FREE_SEGMENT) >= 1, "the wait for a free segment is counted");
        assertTrue(report.nanos(TimedState.WAIT_FREE_SEGMENT) >= TimeUnit.MILLISECONDS.toNanos(10),
                "waited " + report.nanos(TimedState.WAIT_FREE_SEGMENT) + " ns");
    }

    @Test
    void aThreadStarvedOfSegmentsGetsAnExtraOneInsteadOfWaitingForever() throws InterruptedException {
        int limit = Stm.segmentLimit();
        CountDownLatch allHeld = new CountDownLatch(limit);
        CountDownLatch starvedRan = new CountDownLatch(1);
        // Every segment is held by a transaction that waits for the starved thread's own transaction:
        // with a hard limit this never ends.
        Workers workers = new Workers("starving");
        workers.add(limit, h -> () -> Stm.atomic(() -> {
            allHeld.countDown();
            try {
                if (!starvedRan.await(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("the starved thread never got a segment");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }));
        workers.add(() -> {
            try {
                allHeld.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Stm.atomic(starvedRan::countDown);
        });
        workers.run(30);
        assertEquals(0, starvedRan.getCount());
    }

    @Test
    void segmentsAreReleasedWhenTransactionsEndByAnException() {
        int limit = Stm.segmentLimit();
        new Workers("throwing").add(2 * limit, t -> () -> {
            for (int i = 0; i < 10; i++) {
                try {
                    Stm.atomic(() -> {
                        throw new IllegalStateException("leaves the transaction");
                    });
                } catch (IllegalStateException expected) {
                    // committed and propagated
                }
            }
        }).run(30);

        // every segment is free again: `limit` transactions can be open at once
        CountDownLatch allOpen = new CountDownLatch(limit);
        AtomicBoolean allWereOpen = new AtomicBoolean();
        new Workers("all-segments").add(limit, t -> () -> Stm.atomic(() -> {
            allOpen.countDown();
            try {
                if (allOpen.await(10, TimeUnit.SECONDS)) {
                    allWereOpen.set(true);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        })).run(30);
        assertTrue(allWereOpen.get(), "fewer than " + limit + " segments could be claimed");
    }
}
