package org.stmagent.runtime.stats;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Every thread's timing histograms, gathered: totals for the report, and optionally an HdrHistogram
 * interval log (one interval a second per {@link TimingKind}, tagged), which HdrHistogram's own log
 * readers and plotters accept. All gathering goes through one lock; recording never takes it.
 */
public final class Timings {
    private static final long LOG_INTERVAL_MILLIS = 1_000;
    private static final List<ThreadTimings> THREADS = new CopyOnWriteArrayList<>();
    private static final Histogram[] TOTALS = new Histogram[TimingKind.values().length];
    private static HistogramLogWriter log;
    private static PrintStream logStream;
    private static long intervalStartMillis = System.currentTimeMillis();

    static {
        for (int i = 0; i < TOTALS.length; i++) {
            TOTALS[i] = new Histogram(2);
        }
    }

    private Timings() {
    }

    static void register(ThreadTimings timings) {
        THREADS.add(timings);
    }

    /**
     * Starts writing the interval log to {@code file}, a new interval every second, and at shutdown.
     * A log that cannot be opened costs one warning.
     */
    public static synchronized void logTo(String file) {
        if (log != null) {
            return;
        }
        try {
            logStream = new PrintStream(new FileOutputStream(file), false, "UTF-8");
            log = new HistogramLogWriter(logStream);
        } catch (IOException e) {
            System.err.println("stm-agent: warning: could not open the histogram log " + file + ": " + e);
            return;
        }
        long start = System.currentTimeMillis();
        log.outputLogFormatVersion();
        log.outputStartTime(start);
        log.setBaseTime(start);
        log.outputLegend();
        Thread writer = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(LOG_INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                gather();
            }
        }, "stm-agent histogram log");
        writer.setDaemon(true);
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(Timings::gather, "stm-agent histogram log at exit"));
    }

    /** Moves every thread's recent recordings into the totals and, if logging, into the log. */
    static synchronized void gather() {
        long now = System.currentTimeMillis();
        for (TimingKind kind : TimingKind.values()) {
            Histogram interval = new Histogram(2);
            for (ThreadTimings thread : THREADS) {
                interval.add(thread.interval(kind));
            }
            TOTALS[kind.ordinal()].add(interval);
            if (log != null) {
                interval.setStartTimeStamp(intervalStartMillis);
                interval.setEndTimeStamp(now);
                interval.setTag(kind.tag());
                log.outputIntervalHistogram(interval);
            }
        }
        intervalStartMillis = now;
        if (log != null) {
            logStream.flush();
        }
    }

    /** A copy of the totals so far for one kind. */
    public static synchronized Histogram total(TimingKind kind) {
        gather();
        return TOTALS[kind.ordinal()].copy();
    }

    /** The timing section of the text report. */
    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "timings (latencies: 1 transaction in %d; attempts: every transaction)%n", ThreadTimings.SAMPLE_EVERY));
        out.append(String.format(Locale.ROOT, "  %-26s %10s %10s %10s %10s %10s %10s%n",
                "", "count", "p50", "p90", "p99", "p99.9", "max"));
        for (TimingKind kind : TimingKind.values()) {
            Histogram h = total(kind);
            boolean nanos = kind != TimingKind.ATTEMPTS;
            out.append(String.format(Locale.ROOT, "  %-26s %10d %10s %10s %10s %10s %10s%n", kind.label(),
                    h.getTotalCount(), value(h.getValueAtPercentile(50), nanos), value(h.getValueAtPercentile(90), nanos),
                    value(h.getValueAtPercentile(99), nanos), value(h.getValueAtPercentile(99.9), nanos),
                    value(h.getMaxValue(), nanos)));
        }
        return out.toString();
    }

    private static String value(long v, boolean nanos) {
        if (!nanos) {
            return Long.toString(v);
        }
        if (v < 10_000) {
            return v + " ns";
        }
        if (v < 10_000_000) {
            return (v / 1_000) + " us";
        }
        return (v / 1_000_000) + " ms";
    }
}
