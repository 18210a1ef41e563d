package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.stmagent.testing.Jvm;

/**
 * Regions that switch to running under their real lock (programs.PlainRuns): with the sites
 * switched after every few rollbacks and probed again after 64 plain runs
 * ({@code stm.test.eagerPlain}), the ledger's monitor goes back and forth between plain runs and
 * transactions thousands of times a run, while a block keeps checking it as a transaction; every
 * total stays whole and every move counts once, and the report says which sites were switched and why.
 */
class PlainRunsIT {
    private static final String MAIN = "programs.PlainRuns";

    @RepeatedTest(3)
    void switchingBackAndForthLosesNothing() throws Exception {
        Jvm.Result plain = Jvm.run("-cp", Jvm.programs(), MAIN);
        assertEquals(0, plain.exitCode(), plain::toString);

        Jvm.Result agent = Jvm.run("-Dstm.test.eagerPlain=true", Jvm.agent("include=programs.**"), "-cp", Jvm.programs(),
                MAIN);
        assertEquals(0, agent.exitCode(), agent::toString);
        assertEquals(plain.out(), agent.out(), agent::toString);
        String report = agent.err();
        assertTrue(report.contains("regions run under their real lock"), report);
        Matcher moves = Pattern.compile(" +([\\d,]+) plain runs  call a synchronized method at "
                + "programs\\.PlainRuns\\$Ledger\\.moveLocked\\(PlainRuns\\.java:\\d+\\)\\R +switched (\\d+) times")
                .matcher(report);
        assertTrue(moves.find(), report);
        assertTrue(Long.parseLong(moves.group(1).replace(",", "")) > 0, report);
        assertTrue(Integer.parseInt(moves.group(2)) > 0, report);
    }

    @Test
    void withAdaptiveModeOffNothingRunsPlainly() throws Exception {
        Jvm.Result agent = Jvm.run("-Dstm.adaptive=false", "-Dstm.test.eagerPlain=true", Jvm.agent("include=programs.**"),
                "-cp", Jvm.programs(), MAIN);
        assertEquals(0, agent.exitCode(), agent::toString);
        assertFalse(agent.err().contains("regions run under their real lock"), agent::toString);
    }
}
