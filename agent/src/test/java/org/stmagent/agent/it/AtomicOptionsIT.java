package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stmagent.testing.Jvm;

/**
 * programs.AtomicOptions under the agent, on every JDK: {@code @Atomic}'s failure atomicity and
 * retry limit, Deuce's {@code org.deuce.Atomic} taken as an alias with one option, a retry-safe
 * thread-local, and a clock read that does not make the transaction inevitable.
 */
class AtomicOptionsIT {

    @ParameterizedTest
    @MethodSource("org.stmagent.testing.Jvm#javaHomes")
    void everyOptionBehavesAsDocumented(String javaHome) throws Exception {
        Jvm.Result result = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,exclude=programs.outside.**,"
                + "pure=programs.outside.Handoff.*,annotations=org.deuce.Atomic"), "-cp", Jvm.programs(), "programs.AtomicOptions");
        assertEquals(String.join(System.lineSeparator(), "rollback on exception ok", "rollback after an irrevocable call ok",
                "retry limit ok", "deuce retry limit ok", "retry-safe thread-local ok") + System.lineSeparator(),
                result.out(), result::toString);
        assertEquals(0, result.exitCode(), result::toString);
        String report = result.err();
        assertTrue(report.contains("call java.io.PrintStream.flush at programs.AtomicOptions.withdrawAfterFlush(AtomicOptions.java:"),
                report);
        assertFalse(report.contains("nanoTime") || report.contains("RetrySafeThreadLocal") || report.contains("Handoff"), report);
    }
}
