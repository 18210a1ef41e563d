package org.stmagent.runtime.report;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

import org.stmagent.runtime.Stm;
import org.stmagent.runtime.stats.Statistics;
import org.stmagent.runtime.stats.ThreadReport;
import org.stmagent.runtime.stats.TimedState;

/** Registers {@link StatisticsMXBean} with the platform MBean server (no connector, no socket). */
public final class StatisticsMBean implements StatisticsMXBean {
    public static final String NAME = "org.stmagent:type=Statistics";

    private StatisticsMBean() {
    }

    /** Registers the bean once; a failure costs one warning. */
    public static synchronized void register() {
        try {
            ObjectName name = new ObjectName(NAME);
            if (!ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                ManagementFactory.getPlatformMBeanServer().registerMBean(new StatisticsMBean(), name);
            }
        } catch (JMException | RuntimeException e) {
            System.err.println("stm-agent: warning: could not register the statistics MBean: " + e);
        }
    }

    @Override
    public long getCommitted() {
        return Statistics.total().committed();
    }

    @Override
    public long getAborted() {
        return Statistics.total().aborted();
    }

    @Override
    public int getSegmentLimit() {
        return Stm.segmentLimit();
    }

    @Override
    public int getThreads() {
        return Statistics.perThread().size();
    }

    @Override
    public Map<String, Long> getCounts() {
        ThreadReport total = Statistics.total();
        Map<String, Long> out = new LinkedHashMap<>();
        for (TimedState state : TimedState.values()) {
            out.put(state.label(), total.count(state));
        }
        return out;
    }

    @Override
    public Map<String, Long> getNanos() {
        ThreadReport total = Statistics.total();
        Map<String, Long> out = new LinkedHashMap<>();
        for (TimedState state : TimedState.values()) {
            out.put(state.label(), total.nanos(state));
        }
        return out;
    }
}
