package org.stmagent.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.Stm;

/** The MBean shows the live totals through the platform MBean server, as JMX clients see them. */
class StatisticsMBeanTest {

    @Test
    void liveCountersAreReadableOverJmx() throws Exception {
        StatisticsMBean.register();
        StatisticsMBean.register(); // registering twice is harmless
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(StatisticsMBean.NAME);

        long before = (Long) server.getAttribute(name, "Committed");
        for (int i = 0; i < 25; i++) {
            Stm.atomic(() -> { });
        }
        long after = (Long) server.getAttribute(name, "Committed");
        assertTrue(after >= before + 25, before + " then " + after);
        assertEquals(Stm.segmentLimit(), server.getAttribute(name, "SegmentLimit"));

        TabularData counts = (TabularData) server.getAttribute(name, "Counts");
        CompositeData committed = counts.get(new Object[] {"run committed"});
        assertTrue((Long) committed.get("value") >= after);
    }
}
