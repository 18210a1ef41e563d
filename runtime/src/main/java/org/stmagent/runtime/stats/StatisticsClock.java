package org.stmagent.runtime.stats;

import java.util.concurrent.locks.LockSupport;

/**
 * The clock statistics are charged with: {@link System#nanoTime()} read by a daemon thread every
 * {@value #RESOLUTION_NANOS} ns while transactions run (every 10 ms while none has run lately).
 *
 * <p>{@code nanoTime} costs about as much as a small transaction (24 ns on the reference machine,
 * twice per transaction); reading this clock is one load of a line written once per tick. Charging
 * works by moving a mark from one reading to the next, so a thread's states still add up exactly to
 * its lifetime; which state an interval lands in is a sample taken every tick, so per-state times
 * are exact in expectation and precise over many transactions, while a single short wait may read
 * as 0 or as one tick.
 */
public final class StatisticsClock {
    static final long RESOLUTION_NANOS = 1_000_000;
    private static final long IDLE_NANOS = 10_000_000;
    private static final int IDLE_AFTER_TICKS = 500;

    private static volatile long now = System.nanoTime();
    private static volatile boolean used = true;

    static {
        Thread ticker = new Thread(StatisticsClock::tick, "stm-agent statistics clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    private StatisticsClock() {
    }

    /** The sampled reading, for the fast path (transaction start and commit). */
    public static long now() {
        if (!used) {
            used = true;
        }
        return now;
    }

    /**
     * {@code nanoTime} itself, for the slow paths (aborts, waits, back-off), where a stale reading
     * would charge time to the wrong state: a thread that yields or parks lets the clock thread run,
     * so its wait would otherwise collect the whole jump. Also moves the shared reading forward.
     */
    public static long precise() {
        long t = System.nanoTime();
        if (t > now) {
            now = t;
        }
        return t;
    }

    private static void tick() {
        int quietTicks = 0;
        while (true) {
            now = System.nanoTime();
            if (used) {
                used = false;
                quietTicks = 0;
            } else {
                quietTicks++;
            }
            LockSupport.parkNanos(quietTicks < IDLE_AFTER_TICKS ? RESOLUTION_NANOS : IDLE_NANOS);
        }
    }
}
