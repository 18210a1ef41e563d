package org.stmagent.runtime.report;

import java.util.List;
import java.util.Locale;

import org.stmagent.runtime.stats.Statistics;
import org.stmagent.runtime.stats.ThreadReport;
import org.stmagent.runtime.stats.TimedState;

/**
 * Renders statistics as pypy-stm's table: per thread and in total, for each state a count and a
 * time, with the share of the thread's charged time.
 */
public final class StatisticsTable {
    private StatisticsTable() {
    }

    /** Every thread that ran a transaction, then the total. */
    public static String render() {
        return render(Statistics.perThread());
    }

    public static String render(List<ThreadReport> threads) {
        StringBuilder out = new StringBuilder();
        for (ThreadReport thread : threads) {
            block(out, "thread \"" + thread.threadName() + "\" (id " + thread.threadId() + ")", thread);
        }
        block(out, "total over " + threads.size() + " thread(s)", ThreadReport.sum("total", threads));
        return out.toString();
    }

    private static void block(StringBuilder out, String title, ThreadReport report) {
        long charged = Math.max(1, report.chargedNanos());
        out.append(title).append(String.format(Locale.ROOT, ": %d committed, %d aborted%n",
                report.committed(), report.aborted()));
        for (TimedState state : TimedState.values()) {
            long count = report.count(state);
            if (count == 0) {
                continue;
            }
            long nanos = report.nanos(state);
            out.append(String.format(Locale.ROOT, "  %-26s %12d  %12.3f ms  %5.1f%%%n",
                    state.label(), count, nanos / 1e6, 100.0 * nanos / charged));
        }
    }
}
