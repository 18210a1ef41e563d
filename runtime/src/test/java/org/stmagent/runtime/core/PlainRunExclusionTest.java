package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * A region switched to run under its real lock and a regionless transaction ({@link Stm#atomic},
 * as an {@code @Atomic} method) on the same two cells, which every update keeps equal: no attempt
 * of the transaction ever runs while a plain run is inside, none sees the cells apart, and no
 * update is lost.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlainRunExclusionTest {
    private static final int SITE = 40_001;
    private static final Object LOCK = new Object();

    @Test
    void regionlessTransactionsNeverOverlapPlainRuns() {
        long[] cells = new long[2];
        AtomicInteger insidePlain = new AtomicInteger();
        AtomicLong plainRuns = new AtomicLong();
        AtomicLong regions = new AtomicLong();
        AtomicLong atomics = new AtomicLong();
        AtomicLong overlaps = new AtomicLong();
        AtomicLong apart = new AtomicLong();
        switchToPlain();
        long end = System.nanoTime() + 400_000_000L;

        new Workers("plain-exclusion").add(2, t -> () -> {
            while (System.nanoTime() < end) {
                Segment s = Barriers.beginUnlessPlain(LOCK, SITE);
                if (s != null && !runAsTransaction(s, cells)) {
                    s = null; // gave way to the monitor's plain mode: a plain run has begun
                }
                if (s == null) {
                    synchronized (LOCK) {
                        insidePlain.incrementAndGet();
                        cells[0]++;
                        for (int i = 0; i < 20; i++) {
                            Thread.onSpinWait(); // a window in which the cells are apart
                        }
                        cells[1]++;
                        insidePlain.decrementAndGet();
                    }
                    Barriers.endPlain();
                    plainRuns.incrementAndGet();
                } else {
                    regions.incrementAndGet();
                }
                if (plainRuns.get() % 512 == 0) {
                    switchToPlain(); // after a probe switched it back
                }
            }
        }).add(() -> {
            while (System.nanoTime() < end) {
                Stm.atomic(() -> {
                    if (insidePlain.get() != 0) {
                        overlaps.incrementAndGet();
                    }
                    Segment s = Barriers.current();
                    long a = Barriers.loadLong(cells, 0, s, Sites.UNKNOWN);
                    long b = Barriers.loadLong(cells, 1, s, Sites.UNKNOWN);
                    if (a != b) {
                        apart.incrementAndGet();
                    }
                    Barriers.storeLong(cells, 0, a + 1, s, Sites.UNKNOWN);
                    Barriers.storeLong(cells, 1, b + 1, s, Sites.UNKNOWN);
                });
                atomics.incrementAndGet();
            }
        }).run(60);

        assertTrue(plainRuns.get() > 0, "the region ran plainly");
        assertTrue(atomics.get() > 0, "the transaction ran");
        assertEquals(0, overlaps.get(), "no attempt of the regionless transaction ran inside a plain run");
        assertEquals(0, apart.get(), "no attempt saw the cells apart");
        long updates = plainRuns.get() + regions.get() + atomics.get();
        assertEquals(updates, cells[0], "no update lost");
        assertEquals(updates, cells[1], "no update lost");
    }

    /** The region as a transaction; false when it gave way to plain mode and a plain run began instead. */
    private static boolean runAsTransaction(Segment s, long[] cells) {
        while (true) {
            try {
                Barriers.monitorEnter(LOCK, s);
                long a = Barriers.loadLong(cells, 0, s, Sites.UNKNOWN);
                Barriers.storeLong(cells, 0, a + 1, s, Sites.UNKNOWN);
                long b = Barriers.loadLong(cells, 1, s, Sites.UNKNOWN);
                Barriers.storeLong(cells, 1, b + 1, s, Sites.UNKNOWN);
                Barriers.monitorExit(LOCK, s);
            } catch (Throwable thrown) {
                Barriers.afterThrowable(s, thrown);
                continue;
            }
            if (Barriers.commit(s)) {
                return true;
            }
            if (Barriers.leaveForPlain(s)) {
                return false;
            }
        }
    }

    /** A window of transactions that all rolled back switches the site (see AdaptiveSites). */
    private static void switchToPlain() {
        AdaptiveSites.Window window = new AdaptiveSites.Window();
        for (int i = 0; i < AdaptiveSites.WINDOW; i++) {
            AdaptiveSites.committed(window, SITE, 1, false, false);
        }
    }
}
