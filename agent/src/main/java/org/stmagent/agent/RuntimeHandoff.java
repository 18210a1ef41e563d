package org.stmagent.agent;

import org.stmagent.runtime.report.ShutdownReport;
import org.stmagent.runtime.report.StatisticsMBean;
import org.stmagent.runtime.settings.RuntimeSettings;
import org.stmagent.runtime.stats.Timings;

/**
 * The one place where the agent's options reach the runtime. Called after the runtime is on the
 * boot class path and before any class is rewritten, so before any transaction runs.
 *
 * <p>The options the runtime reads for itself at shutdown ({@code report}, {@code json}, {@code top},
 * {@code histogram}, {@code adaptive}, {@code orecs}) are also published as {@code stm.<key>} system properties, so that the values
 * from the agent argument and the config file are the ones it sees.
 */
final class RuntimeHandoff {
    private RuntimeHandoff() {
    }

    static void configure(AgentOptions options) {
        RuntimeSettings.configure(options.getSegments(), options.getInevitableAfter(), options.isStatistics(),
                options.getWatchdogMillis());
        ShutdownReport.install(options.getReport(),
                options.getJsonFile() == null ? null : options.getJsonFile().toString(), options.getTop());
        Thread jmx = new Thread(StatisticsMBean::register, "stm-agent MBean registration");
        jmx.setDaemon(true); // the platform MBean server takes a moment to start: not on main's time
        jmx.start();
        if (options.getHistogramFile() != null) {
            Timings.logTo(options.getHistogramFile().toString());
        }
        publish(AgentOptions.REPORT, options.getReport());
        publish(AgentOptions.TOP, Integer.toString(options.getTop()));
        publish(AgentOptions.JSON, options.getJsonFile());
        publish(AgentOptions.HISTOGRAM, options.getHistogramFile());
        publish(AgentOptions.VERBOSE, Boolean.toString(options.isVerbose()));
        publish(AgentOptions.ADAPTIVE, Boolean.toString(options.isAdaptive())); // read by the runtime's AdaptiveSites
        publish(AgentOptions.ORECS, options.getOrecs()); // read when the orec table is made
    }

    private static void publish(String key, Object value) {
        if (value != null) {
            System.setProperty(OptionSources.PROPERTY_PREFIX + key, value.toString());
        }
    }
}
