package org.stmagent.runtime.core;

/**
 * What the {@link Watchdog} sees of one thread in one sample: a transaction, or a wait, and what
 * it waits for.
 *
 * @param kind       what the thread does
 * @param thread     the thread
 * @param since      when the wait began ({@code nanoTime}), or for a transaction when it began
 * @param attempts   the attempt the transaction is in (0 for a thread waiting for a segment)
 * @param inevitable whether the thread's attempt is inevitable
 * @param site       the site the inevitable transaction involved is inevitable for (its own for
 *                   {@link Kind#RUNNING}, the holder's for the waits), or {@code Sites.UNKNOWN}
 * @param holder     what a waiter waits for: the inevitable transaction's thread, or for a segment
 *                   the thread of the oldest transaction holding one; null if none
 * @param blocked    whether the thread is blocked in a call of the program's own (see
 *                   {@link SegmentSlot#ownerBlockedOutsideRuntime}): then it is not watched
 */
record Stuck(Kind kind, Thread thread, long since, int attempts, boolean inevitable, int site, Thread holder,
        boolean blocked) {

    enum Kind {
        /** A transaction running, across its retries. */
        RUNNING,
        /** Waiting for the inevitable token, or for the inevitable transaction to end. */
        TOKEN,
        /** Waiting for a location the inevitable transaction holds. */
        LOCATION,
        /** Waiting for a free segment. */
        SEGMENT
    }

    /** The same for every sample of one transaction or one wait, different for the next one. */
    record Key(Thread thread, Kind kind, long since) {
    }

    Key key() {
        return new Key(thread, kind, since);
    }
}
