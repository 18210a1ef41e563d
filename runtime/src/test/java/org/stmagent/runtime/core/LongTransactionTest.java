package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * No starvation: a transaction that reads and writes all of 1,000 slots finishes while three threads
 * keep committing short transactions on single slots, every one of which conflicts with it.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LongTransactionTest {
    private static final int SLOTS = 1_000;
    private static final int LONG_RUNS = 5;

    @Test
    void aLongTransactionFinishesUnderAStreamOfConflictingShortOnes() {
        long[] slots = new long[SLOTS];
        long[] total = new long[1]; // hammers keep total == sum(slots)
        AtomicInteger longRunsLeft = new AtomicInteger(LONG_RUNS);
        AtomicLong hammerCommits = new AtomicLong();
        AtomicLong longAttempts = new AtomicLong();
        AtomicLong inconsistentAttempts = new AtomicLong();
        AtomicInteger longCommits = new AtomicInteger();

        Workers workers = new Workers("long-transaction");
        workers.add(3, h -> () -> {
            SplittableRandom random = new SplittableRandom(h);
            while (longRunsLeft.get() > 0) {
                int slot = random.nextInt(SLOTS);
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    Barriers.storeLong(slots, slot, Barriers.loadLong(slots, slot, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                    Barriers.storeLong(total, 0, Barriers.loadLong(total, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                });
                hammerCommits.incrementAndGet();
            }
        });
        workers.add(() -> {
            try {
                for (int run = 0; run < LONG_RUNS; run++) {
                    // start only once the stream of short transactions is flowing
                    long before = hammerCommits.get();
                    while (hammerCommits.get() < before + 1_000) {
                        Thread.onSpinWait();
                    }
                    Stm.atomic(() -> {
                        longAttempts.incrementAndGet();
                        Segment s = Barriers.current();
                        long sum = 0;
                        for (int i = 0; i < SLOTS; i++) {
                            sum += Barriers.loadLong(slots, i, s, Sites.UNKNOWN);
                        }
                        if (sum != Barriers.loadLong(total, 0, s, Sites.UNKNOWN)) {
                            inconsistentAttempts.incrementAndGet();
                        }
                        for (int i = 0; i < SLOTS; i++) {
                            Barriers.storeLong(slots, i, Barriers.loadLong(slots, i, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                        }
                        Barriers.storeLong(total, 0, sum + SLOTS, s, Sites.UNKNOWN);
                    });
                    longCommits.incrementAndGet();
                    longRunsLeft.decrementAndGet();
                }
            } finally {
                longRunsLeft.set(0);
            }
        });
        workers.run(50);

        String summary = "longAttempts=" + longAttempts + " hammerCommits=" + hammerCommits;
        assertEquals(LONG_RUNS, longCommits.get(), summary);
        assertEquals(0, inconsistentAttempts.get(), "attempts that saw sum(slots) != total; " + summary);
        long sum = 0;
        for (long v : slots) {
            sum += v;
        }
        assertEquals(total[0], sum, summary);
        assertEquals(hammerCommits.get() + (long) LONG_RUNS * SLOTS, sum, summary);
        assertTrue(hammerCommits.get() > 0, summary);
        System.out.println("[long transaction] " + summary);
    }
}
