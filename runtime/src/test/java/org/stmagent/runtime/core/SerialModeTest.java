package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * Large transactions that write and keep aborting run alone: while one does, no other transaction
 * runs, and it sees (and leaves) a consistent state. A transaction in flight that does not finish
 * makes the request give way. (Large read-only ones get another second chance: ReadOnlySecondChanceTest.)
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerialModeTest {
    private static final int ACCOUNTS = 1_024; // an audit reads them all: a large transaction
    private static final long INITIAL = 100;

    @Test
    void largeWritingAttemptsThatAbortRunAloneAndSeeTheRightTotal() {
        long[] balances = new long[ACCOUNTS];
        long[] lastTotal = new long[1];
        java.util.Arrays.fill(balances, INITIAL);
        AtomicInteger transfersInside = new AtomicInteger();
        AtomicLong serialAudits = new AtomicLong();
        AtomicLong wrongTotals = new AtomicLong();
        AtomicLong overlaps = new AtomicLong();
        long end = System.nanoTime() + 500_000_000L;

        new Workers("serial").add(2, t -> () -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(t);
            while (System.nanoTime() < end) {
                int from = random.nextInt(ACCOUNTS);
                int to = random.nextInt(ACCOUNTS);
                Stm.atomic(() -> {
                    transfersInside.incrementAndGet();
                    try {
                        Segment s = Barriers.current();
                        Barriers.storeLong(balances, from, Barriers.loadLong(balances, from, s, Sites.UNKNOWN) - 1, s, Sites.UNKNOWN);
                        Barriers.storeLong(balances, to, Barriers.loadLong(balances, to, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                    } finally {
                        transfersInside.decrementAndGet();
                    }
                });
            }
        }).add(() -> {
            while (System.nanoTime() < end) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    long total = 0;
                    for (int i = 0; i < ACCOUNTS; i++) {
                        total += Barriers.loadLong(balances, i, s, Sites.UNKNOWN);
                    }
                    Barriers.storeLong(lastTotal, 0, total, s, Sites.UNKNOWN); // it writes: no read-only second chance
                    if (s.isSerial()) {
                        serialAudits.incrementAndGet();
                        if (transfersInside.get() != 0) {
                            overlaps.incrementAndGet();
                        }
                    }
                    if (total != INITIAL * ACCOUNTS) {
                        wrongTotals.incrementAndGet();
                    }
                });
            }
        }).run(60);

        assertEquals(0, wrongTotals.get(), "every committed or aborted audit saw the right total");
        assertEquals(0, overlaps.get(), "no transfer ran while an audit ran alone");
        assertTrue(serialAudits.get() > 0, "audits kept aborting and ran alone");
        assertEquals(INITIAL * ACCOUNTS, lastTotal[0], "the last audit's record");
        long total = 0;
        for (long b : balances) {
            total += b;
        }
        assertEquals(INITIAL * ACCOUNTS, total);
        assertFalse(SerialMode.requested(), "the last serial transaction ended its request");
    }

    @Test
    void aSlotThatIsNotGivenBackMakesTheRequestGiveWay() throws Exception {
        SegmentPool pool = SegmentPool.instance();
        SegmentSlot mine = pool.tryClaim(Thread.currentThread(), 0);
        Thread holder = new Thread(() -> { });
        SegmentSlot held = pool.tryClaim(holder, 0);
        try {
            long start = System.nanoTime();
            assertFalse(SerialMode.enter(pool, mine), "a slot in use the whole time: no serial run");
            assertTrue(System.nanoTime() - start >= SerialMode.DRAIN_NANOS, "it waited for the slot first");
            assertFalse(SerialMode.requested(), "and withdrew its request");
        } finally {
            pool.release(held);
        }
        try {
            assertTrue(SerialMode.enter(pool, mine), "every other slot free: it runs alone");
            assertTrue(SerialMode.requested());
            SegmentSlot claimed = pool.tryClaim(holder, 0);
            assertTrue(claimed != null, "claiming still works: the claimer reads the request and stands aside");
            pool.release(claimed);
        } finally {
            SerialMode.exit();
            pool.release(mine);
        }
    }
}
