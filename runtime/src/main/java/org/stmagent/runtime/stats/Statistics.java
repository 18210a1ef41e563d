package org.stmagent.runtime.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every thread's statistics, kept from its first transaction on, for reports. */
public final class Statistics {
    private static final List<ThreadStatistics> THREADS = new CopyOnWriteArrayList<>();

    private Statistics() {
    }

    public static ThreadStatistics register(Thread thread) {
        ThreadStatistics stats = new ThreadStatistics(thread);
        THREADS.add(stats);
        return stats;
    }

    /**
     * One report per descriptor that has run a transaction, in the order they started (a thread has
     * a second descriptor for the transactions it runs while its first one is detached).
     */
    public static List<ThreadReport> perThread() {
        List<ThreadReport> reports = new ArrayList<>();
        for (ThreadStatistics t : THREADS) {
            if (!t.isUnused()) {
                reports.add(t.snapshot());
            }
        }
        return reports;
    }

    /** The sum over all threads. */
    public static ThreadReport total() {
        return ThreadReport.sum("total", perThread());
    }
}
