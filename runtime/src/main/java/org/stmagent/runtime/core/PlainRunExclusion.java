package org.stmagent.runtime.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps plain runs (regions running their original code under the real lock, {@link PlainMonitors})
 * apart from transactions that no lock of the original program stands for: {@code @Atomic} methods,
 * {@code Stm.atomic} and blocks begun without a monitor of their own. A transaction of a
 * {@code synchronized} region is kept from a plain run by the monitor's signal word, as the locks
 * would keep them; a regionless one touches the same data with nothing in between, so the two must
 * never overlap.
 *
 * <p>Three Dekker handshakes over volatiles, each side writing before it reads what the other
 * writes, so that at least one of them sees the other:
 * <ul>
 *   <li>A regionless transaction marks its slot, then reads how many monitors are in plain mode.
 *       While none is, that is all it pays. A thread switching a monitor to plain mode counts it,
 *       then waits until no slot is marked ({@link #admitSwitch}).</li>
 *   <li>While some monitor is in plain mode, a regionless transaction also counts itself in
 *       flight, then looks for a thread inside a plain run ({@link PlainHolder#anyInside}) and
 *       stands aside if it finds one; a thread starting its outermost plain run publishes its depth
 *       on its own holder, then waits until none is in flight ({@link #admitPlainRun}). Steady
 *       plain mode writes no shared line.</li>
 *   <li>A regionless transaction that has to wait counts itself pending, and no outermost plain run
 *       starts while one is, so a stream of plain runs on a hot monitor cannot keep it out for good.</li>
 * </ul>
 * A plain run or switch that still finds a regionless transaction in flight after
 * {@link #DRAIN_NANOS} withdraws, and its region runs as a transaction instead.
 */
final class PlainRunExclusion {
    static final long DRAIN_NANOS = 2_000_000L;

    /** Monitors in plain mode (switched and not yet drained). */
    private static final AtomicInteger PLAIN_MONITORS = new AtomicInteger();
    /** Regionless transactions in flight that began while some monitor was in plain mode. */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    /** Regionless transactions waiting for the plain runs to end. */
    private static final AtomicInteger PENDING = new AtomicInteger();

    private PlainRunExclusion() {
    }

    // ---------------------------------------------------------------- regionless transactions

    /**
     * A regionless transaction has just claimed {@code slot}: marks it; false when it must give the
     * slot back and {@link #awaitNoPlainRuns} (a thread is inside a plain run).
     */
    static boolean admitRegionless(SegmentSlot slot) {
        slot.regionless = true;
        if (PLAIN_MONITORS.get() == 0) {
            return true;
        }
        IN_FLIGHT.incrementAndGet();
        slot.countedInFlight = true;
        if (!PlainHolder.anyInside()) {
            return true;
        }
        regionlessEnded(slot);
        return false;
    }

    /** The slot's regionless transaction gives it back. */
    static void regionlessEnded(SegmentSlot slot) {
        if (slot.countedInFlight) {
            slot.countedInFlight = false;
            IN_FLIGHT.decrementAndGet();
        }
        slot.endRegionless();
    }

    /** A regionless transaction, holding no slot, waits until no thread is inside a plain run. */
    static void awaitNoPlainRuns() {
        PENDING.incrementAndGet();
        try {
            int round = 0;
            while (PlainHolder.anyInside()) {
                round = Spin.pause(round);
            }
        } finally {
            PENDING.decrementAndGet();
        }
    }

    // ---------------------------------------------------------------- plain runs

    /** Before an outermost plain run: lets waiting regionless transactions go first. */
    static void awaitNoPending() {
        int round = 0;
        while (PENDING.get() > 0) {
            round = Spin.pause(round);
        }
    }

    /**
     * The calling thread has published its outermost plain run on its holder: waits until no
     * regionless transaction is in flight. False if one still is after {@link #DRAIN_NANOS}.
     */
    static boolean admitPlainRun() {
        if (IN_FLIGHT.get() == 0) {
            return true;
        }
        long deadline = System.nanoTime() + DRAIN_NANOS;
        int round = 0;
        while (IN_FLIGHT.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            round = Spin.pause(round);
        }
        return true;
    }

    /**
     * The calling thread is switching a monitor to plain mode: counts it, then waits until no slot
     * runs a regionless transaction that began before. False, the count undone, if one still does
     * after {@link #DRAIN_NANOS}.
     */
    static boolean admitSwitch(SegmentPool pool) {
        PLAIN_MONITORS.incrementAndGet();
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + DRAIN_NANOS;
        for (int id = 0; id < pool.size(); id++) {
            SegmentSlot slot = pool.slot(id);
            int round = 0;
            while (slot.regionless && slot.owner != me) {
                if (System.nanoTime() - deadline > 0) {
                    PLAIN_MONITORS.decrementAndGet();
                    return false;
                }
                round = Spin.pause(round);
            }
        }
        return true;
    }

    /** A monitor has left plain mode. */
    static void monitorDrained() {
        PLAIN_MONITORS.decrementAndGet();
    }
}
