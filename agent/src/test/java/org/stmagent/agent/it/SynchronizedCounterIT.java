package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stmagent.testing.Jvm;

/** A synchronized counter rewritten into transactions gives the same verified total. */
class SynchronizedCounterIT {
    static java.util.stream.Stream<String> javaHomes() {
        return Jvm.javaHomes();
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void counterUnderTheAgentGivesTheSameTotal(String javaHome) throws Exception {
        assumeTrue(AgentJar.hasRewriter(), "the agent jar has no rewriter yet");
        Jvm.Result result = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,verbose=true,report=none"),
                "-cp", Jvm.programs(), "programs.Counter");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("total 80000 ok", result.out().strip(), result::toString);
        assertTrue(result.err().contains("stm-agent: rewritten programs.Counter "), result::toString);
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void counterWithRealLocksGivesTheSameTotal(String javaHome) throws Exception {
        Jvm.Result result = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,monitors=lock,report=none"),
                "-cp", Jvm.programs(), "programs.Counter");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("total 80000 ok", result.out().strip(), result::toString);
    }
}
