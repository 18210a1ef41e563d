package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.seam.FieldAddresses;
import org.stmagent.runtime.stats.Sites;

/**
 * Commutative increments of counter fields ({@link Barriers#addToCounter}): transactions that only
 * add to a counter do not conflict on it, and the committed total is exact; a transaction that
 * reads the counter after adding to it sees its own additions exactly.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CounterDeltasTest {
    static final class Map {
        int size;
        int other;
    }

    private static final long SIZE = FieldAddresses.instanceOffset(Map.class, "size");
    private static final long OTHER = FieldAddresses.instanceOffset(Map.class, "other");

    @Test
    void twoTransactionsAddingToOneCounterBothCommitWithoutAConflict() throws Exception {
        Map map = new Map();
        CountDownLatch bothAdded = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        Runnable add = () -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            attempts.incrementAndGet();
            Barriers.addToCounter(map, 1, SIZE, s, Sites.UNKNOWN);
            bothAdded.countDown();
            awaitQuietly(bothAdded); // each commits only once the other has added: overlapping
        });
        Thread first = new Thread(add);
        Thread second = new Thread(add);
        first.start();
        second.start();
        first.join();
        second.join();
        assertEquals(2, map.size);
        assertEquals(2, attempts.get(), "neither attempt was rolled back");
    }

    @Test
    void manyThreadsAddingAndRemovingKeepAnExactCount() throws Exception {
        Map map = new Map();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int delta = t % 2 == 0 ? 1 : -1;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    Stm.atomic(() -> {
                        Segment s = Barriers.current();
                        Barriers.addToCounter(map, delta, SIZE, s, Sites.UNKNOWN);
                        Barriers.addToCounter(map, 1, SIZE, s, Sites.UNKNOWN);
                        Barriers.writeInt(map, Barriers.readInt(map, OTHER, s, Sites.UNKNOWN) + 1, OTHER, s, Sites.UNKNOWN);
                    });
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4 * 20_000, map.size, "+1 and -1 cancel, then +1 each");
        assertEquals(4 * 20_000, map.other);
    }

    @Test
    void aReadAfterAnAdditionSeesItExactlyAndTheCommitAddsItOnce() {
        Map map = new Map();
        map.size = 10;
        int[] seen = new int[2];
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            seen[0] = Barriers.addToCounter(map, 1, SIZE, s, Sites.UNKNOWN);
            Barriers.addToCounter(map, 1, SIZE, s, Sites.UNKNOWN);
            seen[1] = Barriers.readCounter(map, SIZE, s, Sites.UNKNOWN);
            Barriers.addToCounter(map, -1, SIZE, s, Sites.UNKNOWN);
        });
        assertEquals(11, seen[0]);
        assertEquals(12, seen[1]);
        assertEquals(11, map.size);
    }

    @Test
    void anInevitableTransactionAppliesPendingAdditionsInPlace() {
        Map map = new Map();
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.addToCounter(map, 1, SIZE, s, Sites.UNKNOWN);
            Stm.becomeInevitable();
            Barriers.addToCounter(map, 1, SIZE, s, Sites.UNKNOWN);
            Barriers.writeCounter(map, Barriers.readCounter(map, SIZE, s, Sites.UNKNOWN) * 10, SIZE, s, Sites.UNKNOWN);
        });
        assertEquals(20, map.size);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
