package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.stmagent.testing.Jvm;

/**
 * A program that hangs a while under the agent (a region waits for a thread that needs the
 * inevitable token its own region holds) gets one watchdog block on standard error naming both
 * threads and the site, and a line in the report; with real locks it does not hang and gets none.
 */
class WatchdogIT {
    private static final String WAITER = "stm-agent watchdog: thread \"setter\" has waited ";

    @Test
    void aThreadWaitingForTheTokenIsReportedOnce() throws Exception {
        assumeTrue(AgentJar.hasRewriter(), "the agent jar has no rewriter yet");
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,watchdog=1"), "-cp", Jvm.programs(),
                "programs.WatchdogHang");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("watchdog hang: the spinner gave up"), result::toString);
        String err = result.err();
        assertEquals(1, err.split(WAITER, -1).length - 1, "the waiter, reported once: " + result);
        assertTrue(err.contains("for the inevitable token"), result::toString);
        assertTrue(err.contains("the inevitable transaction is thread \"spinner\""), result::toString);
        assertTrue(err.contains("at programs.WatchdogHang.spin(WatchdogHang.java:"), "the holder's site: " + result);
        assertTrue(err.contains("  \"spinner\" (RUNNABLE):"), "the holder's stack: " + result);
        assertTrue(err.contains("exclude=programs.WatchdogHang"), "the advice: " + result);
        assertTrue(err.contains("reported while the program ran"), "the report's line: " + result);
    }

    @Test
    void withRealLocksNothingHangsAndNothingIsReported() throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,monitors=lock,watchdog=1"), "-cp",
                Jvm.programs(), "programs.WatchdogHang");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("watchdog hang: the spinner saw the flag"), result::toString);
        assertFalse(result.err().contains("stm-agent watchdog:"), result::toString);
    }
}
