package org.stmagent.runtime.core;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.stmagent.runtime.settings.RuntimeSettings;

/**
 * Never hangs the host silently: a daemon thread that looks at the segment pool ({@link StuckScan})
 * every second, or every quarter of the threshold if that is shorter, and prints once to standard
 * error ({@link StuckReport}) each of these that has lasted longer than the threshold (the
 * {@code watchdog} option): a wait for the inevitable transaction (its token, a location it holds,
 * its end), a wait for a free segment, and a transaction that has run, across its retries, in
 * every look. A situation is reported again only after it has cleared and come back.
 *
 * <p>A transaction whose thread is blocked in a call of the program's own ({@code wait},
 * {@code sleep}, a latch, a monitor) is not watched, and its time so far does not count: the
 * program waits there with its real locks too. Those who wait behind it in the runtime are.
 */
public final class Watchdog {
    private static final long LONGEST_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicInteger REPORTED = new AtomicInteger();

    private final StuckScan scan;
    private final StuckReport report;
    private final long thresholdNanos;
    private final PrintStream out;
    /** The transactions seen running, not blocked, in every look so far, with the first of those looks. */
    private Map<Stuck.Key, Long> runningSince = new HashMap<>();
    /** What was reported and is still there. */
    private Set<Stuck.Key> reported = new HashSet<>();

    Watchdog(SegmentPool pool, long thresholdNanos, PrintStream out) {
        this.scan = new StuckScan(pool);
        this.report = new StuckReport(thresholdNanos, RuntimeSettings.inevitableAfter(), pool.limit());
        this.thresholdNanos = thresholdNanos;
        this.out = out;
    }

    /** Starts watching {@code pool}, unless the watchdog is off. */
    static void watch(SegmentPool pool) {
        long millis = RuntimeSettings.watchdogMillis();
        if (millis == 0) {
            return;
        }
        Watchdog watchdog = new Watchdog(pool, TimeUnit.MILLISECONDS.toNanos(millis), System.err);
        Thread thread = new Thread(watchdog::watch, "stm-agent watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        long period = Math.min(LONGEST_PERIOD_NANOS, thresholdNanos / 4);
        while (true) {
            LockSupport.parkNanos(period);
            look(System.nanoTime());
        }
    }

    /** One look at {@code now}: prints what has newly been stuck past the threshold; returns how many. */
    int look(long now) {
        Map<Stuck.Key, Long> stillRunning = new HashMap<>();
        Set<Stuck.Key> stillThere = new HashSet<>();
        StringBuilder text = new StringBuilder();
        int found = 0;
        for (Stuck stuck : scan.look()) {
            Stuck.Key key = stuck.key();
            if (reported.contains(key)) {
                stillThere.add(key);
                continue;
            }
            long stuckSince = stuck.since();
            if (stuck.kind() == Stuck.Kind.RUNNING) {
                if (stuck.blocked()) {
                    continue;
                }
                stuckSince = runningSince.getOrDefault(key, now);
                stillRunning.put(key, stuckSince);
            }
            if (now - stuckSince >= thresholdNanos) {
                text.append(report.render(stuck, now));
                stillThere.add(key);
                found++;
            }
        }
        runningSince = stillRunning;
        reported = stillThere;
        if (found > 0) {
            out.print(text);
            out.flush();
            REPORTED.addAndGet(found);
        }
        return found;
    }

    /** For the shutdown report: how often the watchdog reported, and where; empty if it never did. */
    /** How many stuck transactions or waits were reported while the program ran. */
    public static int reports() {
        return REPORTED.get();
    }

    public static String summary() {
        int reports = reports();
        return reports == 0 ? ""
                : "watchdog: " + reports + " stuck transaction(s) or wait(s) reported while the program ran, on standard "
                        + "error, each in a block starting '" + StuckReport.PREFIX.strip() + "'" + System.lineSeparator();
    }
}
