package org.stmagent.runtime.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One thread's timing histograms. Each is a {@link SingleWriterRecorder}: the thread records
 * without locks or contended atomics, and {@link Timings} takes interval snapshots from any thread.
 * Latencies need {@code nanoTime} at both ends, so one transaction in {@value #SAMPLE_EVERY} is
 * timed; the decision is taken when the transaction starts, so it is independent of its outcome.
 */
public final class ThreadTimings {
    static final int SAMPLE_EVERY = 32;
    private static final int DIGITS = 2;

    private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[TimingKind.values().length];
    private int countdown = 1;
    private boolean sampled;
    private long transactionStart;
    private long attemptStart;

    public ThreadTimings() {
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = new SingleWriterRecorder(DIGITS);
        }
        Timings.register(this);
    }

    public void transactionStarts() {
        sampled = Recording.ON && --countdown == 0;
        if (sampled) {
            countdown = SAMPLE_EVERY;
            transactionStart = System.nanoTime();
            attemptStart = transactionStart;
        }
    }

    public void attemptStarts() {
        if (sampled) {
            attemptStart = System.nanoTime();
        }
    }

    public void transactionCommitted(int attempts) {
        if (sampled) {
            long now = System.nanoTime();
            record(TimingKind.COMMITTED_ATTEMPT, now - attemptStart, 1);
            record(TimingKind.TRANSACTION, now - transactionStart, 1);
            record(TimingKind.ATTEMPTS, attempts, attempts == 1 ? SAMPLE_EVERY : 1);
        } else if (attempts > 1 && Recording.ON) {
            record(TimingKind.ATTEMPTS, attempts, 1); // every retried transaction counts as itself
        }
    }

    public void waited(long nanos) {
        if (Recording.ON) {
            record(TimingKind.WAIT, nanos, 1);
        }
    }

    Histogram interval(TimingKind kind) {
        return recorders[kind.ordinal()].getIntervalHistogram();
    }

    private void record(TimingKind kind, long value, long count) {
        recorders[kind.ordinal()].recordValueWithCount(Math.max(0, value), count);
    }
}
