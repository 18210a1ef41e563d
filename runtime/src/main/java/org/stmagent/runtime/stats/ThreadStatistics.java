package org.stmagent.runtime.stats;

/**
 * Counts and nanoseconds per {@link TimedState} for one thread. Written only by that thread, read
 * for reports; plain fields keep the per-transaction cost to a few stores.
 */
public final class ThreadStatistics {
    private static final int STATES = TimedState.values().length;

    private final Thread thread;
    private final long[] counts = new long[STATES];
    private final long[] nanos = new long[STATES];
    private final long started;
    /** The end of the last interval charged: the next one starts here. */
    private long mark;
    /** Precisely charged time inside the interval since the mark, not yet taken out of it. */
    private long carried;

    ThreadStatistics(Thread thread) {
        this.thread = thread;
        this.started = StatisticsClock.now();
        this.mark = started;
    }

    /**
     * Charges the time since the last mark to {@code state}, less what was charged precisely in
     * between ({@link #chargeInterval}), and moves the mark to {@code now}, a sampled reading. When
     * the sampled clock lags behind the precise intervals, the shortfall is carried to the next
     * charge, so every state stays non-negative and the states add up to the time marked.
     * Returns the time charged.
     */
    public long chargeUntil(TimedState state, long now) {
        if (!Recording.ON) {
            return 0;
        }
        int i = state.ordinal();
        counts[i]++;
        long elapsed = now - mark - carried;
        if (elapsed < 0) {
            carried = -elapsed;
            elapsed = 0;
        } else {
            carried = 0;
        }
        nanos[i] += elapsed;
        if (now > mark) {
            mark = now;
        }
        return elapsed;
    }

    /** Charges an interval measured precisely (a wait, a rollback, a back-off) inside the current one. */
    public void chargeInterval(TimedState state, long duration) {
        if (!Recording.ON) {
            return;
        }
        int i = state.ordinal();
        counts[i]++;
        nanos[i] += duration;
        carried += duration;
    }

    /** Whether nothing was ever charged: the descriptor has not run a transaction. */
    boolean isUnused() {
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    ThreadReport snapshot() {
        return new ThreadReport(thread.getName(), thread.getId(), counts.clone(), nanos.clone(),
                StatisticsClock.precise() - started, thread.isAlive());
    }
}
