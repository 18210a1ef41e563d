package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * A transaction that has ended keeps nothing it touched reachable: programs (commons-pool2's tests
 * among them) wait for an object to be collected once they drop it.
 */
class RetentionTest {
    @Test
    void anObjectWrittenByAFinishedTransactionCanBeCollected() throws InterruptedException {
        WeakReference<long[]> written = writeInATransactionAndDrop();
        assertTrue(collected(written), "the thread's descriptor still holds the last object its transaction wrote");
    }

    private static WeakReference<long[]> writeInATransactionAndDrop() {
        long[] cell = new long[1];
        Stm.atomic(() -> Barriers.storeLong(cell, 0, 42, Barriers.current(), Sites.UNKNOWN));
        return new WeakReference<>(cell);
    }

    private static boolean collected(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }
}
