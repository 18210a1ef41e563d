package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The segment pool bounds how many transactions run at once; threads beyond the limit wait for a free
 * segment and then run, so every transaction still completes.
 */
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
                        Barriers.storeLong(cells, t, Barriers.loadLong(cells, t, s) + 1, s);
                        for (int spin = 0; spin < 20; spin++) {
                            Thread.onSpinWait();
                        }
                        if ((t & 3) == 0) {
                            Barriers.storeLong(shared, 0, Barriers.loadLong(shared, 0, s) + 1, s);
                        }
                    } finally {
                        running.decrementAndGet();
                    }
                });
            }
        });
        workers.run(120);

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
}
