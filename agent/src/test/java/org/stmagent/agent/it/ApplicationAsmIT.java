package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import org.junit.jupiter.api.Test;
import org.stmagent.testing.Jvm;

/**
 * An application that ships its own, older ASM keeps using it under the agent, and the agent keeps
 * working: the agent's ASM is relocated, so neither sees the other's.
 */
class ApplicationAsmIT {
    private static final String APP_ASM = System.getProperty("stm.it.appAsm");
    private static final String CLASS_PATH = APP_ASM + File.pathSeparator + Jvm.programs();

    @Test
    void applicationSeesItsOwnAsm() throws Exception {
        Jvm.Result plain = Jvm.run("-cp", CLASS_PATH, "programs.OwnAsm");
        Jvm.Result agent = Jvm.run(Jvm.agent("include=programs.**"), "-cp", CLASS_PATH, "programs.OwnAsm");
        assertEquals(0, plain.exitCode(), plain::toString);
        assertEquals("asm jar: asm-app.jar", plain.out().lines().findFirst().orElse(""), plain::toString);
        assertEquals("asm knows V23: false", plain.out().lines().skip(1).findFirst().orElse(""),
                "the application's ASM should be " + System.getProperty("stm.it.appAsmVersion"));
        assertEquals(0, agent.exitCode(), agent::toString);
        assertEquals(plain.out(), agent.out(), agent::toString);
        assertFalse(agent.err().contains("warning"), agent::toString);
    }

    @Test
    void agentRewritesWhileTheApplicationsAsmComesFirst() throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,verbose=true"), "-cp", CLASS_PATH,
                "programs.Counter");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("total 80000 ok", result.out().strip(), result::toString);
        assertFalse(result.err().contains("warning"), result::toString);
    }
}
