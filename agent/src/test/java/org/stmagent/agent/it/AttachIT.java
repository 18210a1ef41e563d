package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stmagent.testing.Jvm;

/** Attached while the program runs, the agent rewrites the classes loaded after it. */
class AttachIT {
    @Test
    void attachedAgentStartsAndTellsWhichClassesStayUnchanged() throws Exception {
        Jvm.Result result = Jvm.run("-Djdk.attach.allowAttachSelf=true", "-cp", Jvm.programs(), "programs.SelfAttach",
                Jvm.AGENT_JAR.toString(), "include=programs.**,verbose=true,report=none");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("total 80000 ok", result.out().strip(), result::toString);
        assertTrue(result.err().contains("stm-agent: started with 'include=programs.**"), result::toString);
        assertTrue(result.err().contains("stays unchanged (programs.SelfAttach)"), result::toString);
        if (AgentJar.hasRewriter()) {
            assertTrue(result.err().contains("stm-agent: rewritten programs.Counter "), result::toString);
        }
    }

    @Test
    void badOptionsOnAttachLeaveTheProgramRunning() throws Exception {
        Jvm.Result result = Jvm.run("-Djdk.attach.allowAttachSelf=true", "-cp", Jvm.programs(), "programs.SelfAttach",
                Jvm.AGENT_JAR.toString(), "sgments=2");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("total 80000 ok", result.out().strip(), result::toString);
        assertTrue(result.err().contains("stm-agent: unknown option 'sgments' in the agent argument. Valid options:"),
                result::toString);
    }
}
