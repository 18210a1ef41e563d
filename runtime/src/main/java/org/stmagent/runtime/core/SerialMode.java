package org.stmagent.runtime.core;

/**
 * A transaction that runs alone. Holding the inevitable token, it asks every other transaction to
 * stand aside, waits until every other segment slot is free, and then reads and writes memory
 * directly: no ownership records to lock, no logs, nothing to validate. For large transactions that
 * keep aborting, where locking every location read (the inevitable mode) costs more than pausing the
 * others. The others stand aside at their next attempt (never in the middle of one): they give their
 * slot back and wait for the serial transaction to end.
 *
 * <p>Asking and standing aside form a Dekker handshake: the asker publishes the request, then reads
 * the slots' owners; a claimer publishes itself as owner (a CAS), then reads the request, so at least
 * one sees the other. A transaction in flight that does not finish in {@link #DRAIN_NANOS} (it may be
 * waiting, inside its attempt, for another thread that waits for the serial one) makes the asker
 * withdraw: it then runs as an ordinary inevitable transaction.
 */
final class SerialMode {
    /** How long the asker waits for the transactions in flight to finish. */
    static final long DRAIN_NANOS = 2_000_000L;

    private static volatile boolean requested;

    private SerialMode() {
    }

    /** Whether a transaction asks the others to stand aside. */
    static boolean requested() {
        return requested;
    }

    /**
     * Asks the others to stand aside and waits until every slot but {@code mine} is free. The caller
     * holds the inevitable token. Returns false, the request withdrawn, if they did not drain in time.
     */
    static boolean enter(SegmentPool pool, SegmentSlot mine) {
        requested = true;
        long deadline = System.nanoTime() + DRAIN_NANOS;
        for (int id = 0; id < pool.size(); id++) {
            SegmentSlot other = pool.slot(id);
            int round = 0;
            while (other != mine && other.owner != null) {
                if (System.nanoTime() - deadline > 0) {
                    requested = false;
                    return false;
                }
                round = Spin.pause(round);
            }
        }
        return true;
    }

    /** The serial transaction has ended: the others may run again. */
    static void exit() {
        requested = false;
    }
}
