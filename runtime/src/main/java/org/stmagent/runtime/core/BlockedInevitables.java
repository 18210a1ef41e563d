package org.stmagent.runtime.core;

import java.util.concurrent.TimeUnit;

/**
 * Inevitable transactions blocked in a call of the program's own: {@code Thread.join}, a latch, a
 * queue, a lock of {@code java.util.concurrent}. With locks, a thread blocked inside
 * {@code synchronized (a)} stops only those who want {@code a}; the thread it waits for may run any
 * region, including one that must become inevitable. So the waits for the inevitable transaction
 * (for its token, or for its end after it killed an attempt) stop waiting for a holder once it has
 * been blocked outside the runtime for {@link #PATIENCE_NANOS}. It stays inevitable and keeps its
 * locks, which still exclude everything it touched.
 *
 * <p>"Blocked outside the runtime": see {@link SegmentSlot#ownerBlockedOutsideRuntime}. A holder
 * running alone reads and writes without locks and is never passed over.
 */
final class BlockedInevitables {
    static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private BlockedInevitables() {
    }

    /**
     * Whether a slot other than {@code mine} runs an inevitable transaction; unless
     * {@code countBlocked}, one blocked outside the runtime does not count.
     */
    static boolean anyInevitable(SegmentPool pool, SegmentSlot mine, boolean countBlocked) {
        for (int id = 0, n = pool.size(); id < n; id++) {
            SegmentSlot other = pool.slot(id);
            if (other != mine && other.status == SegmentSlotFields.INEVITABLE
                    && (countBlocked || !other.ownerBlockedOutsideRuntime())) {
                return true;
            }
        }
        return false;
    }
}
