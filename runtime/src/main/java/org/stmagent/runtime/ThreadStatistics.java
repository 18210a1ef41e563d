package org.stmagent.runtime;

/**
 * Counts and nanoseconds per {@link TimedState} for one thread. Written only by that thread, read
 * for reports; plain fields keep the per-transaction cost to a few stores.
 */
final class ThreadStatistics {
    private static final int STATES = TimedState.values().length;

    private final Thread thread;
    private final long[] counts = new long[STATES];
    private final long[] nanos = new long[STATES];
    private final long started;
    /** The end of the last interval charged: the next one starts here. */
    private long mark;

    ThreadStatistics(Thread thread) {
        this.thread = thread;
        this.started = StatisticsClock.now();
        this.mark = started;
    }

    /** Charges the time since the last mark to {@code state} and moves the mark to {@code now}. */
    void chargeUntil(TimedState state, long now) {
        if (now < mark) {
            now = mark; // a sampled reading older than a precise one: nothing to charge yet
        }
        int i = state.ordinal();
        counts[i]++;
        nanos[i] += now - mark;
        mark = now;
    }

    /** Charges a measured interval inside another one (a wait inside an attempt). */
    void chargeInterval(TimedState state, long duration) {
        int i = state.ordinal();
        counts[i]++;
        nanos[i] += duration;
    }

    /** Takes back time already charged elsewhere (waits inside an attempt) from the attempt's state. */
    void subtract(TimedState state, long duration) {
        nanos[state.ordinal()] -= duration;
    }

    ThreadReport snapshot() {
        return new ThreadReport(thread.getName(), thread.getId(), counts.clone(), nanos.clone(),
                StatisticsClock.precise() - started, thread.isAlive());
    }
}
