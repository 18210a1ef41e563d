package org.stmagent.runtime.report;

import java.util.Map;

import org.stmagent.runtime.stats.Statistics;

/**
 * The live counters over JMX, as {@code org.stmagent:type=Statistics}: the totals over every thread
 * that has run a transaction, read when asked.
 */
public interface StatisticsMXBean {
    long getCommitted();

    long getAborted();

    int getSegmentLimit();

    int getThreads();

    /** Count per state, keyed by the report's labels. */
    Map<String, Long> getCounts();

    /** Nanoseconds per state, keyed by the report's labels. */
    Map<String, Long> getNanos();
}
