package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stmagent.testing.Jvm;

/**
 * Rewritten methods stay compilable. HotSpot's JIT compilers refuse a method whose
 * {@code monitorenter}/{@code monitorexit} pairs it cannot match on every path, including each
 * exception edge (a rewritten {@code synchronized} block keeps its original code for plain runs, and
 * with it real monitor instructions); such a method runs interpreted forever, several times slower.
 * Each program here runs with every one of its methods compiled before first use ({@code -Xcomp},
 * limited to the programs' own classes) and HotSpot's monitor-matching log on: the log must name no
 * method, and the program must print what it prints without the agent. (Programs that time their
 * own workers are left out: compiling every method first slows them past their limits.)
 */
class CompiledRegionsIT {
    private static final String MISMATCH = "Monitor mismatch";

    @ParameterizedTest
    @ValueSource(strings = {"programs.NestedTransfers", "programs.Counter",
            "programs.Reentrancy", "programs.StaticSynchronized", "programs.ExceptionsInSynchronized"})
    void everyRewrittenMethodCompiles(String main) throws Exception {
        Jvm.Result plain = Jvm.run("-cp", Jvm.programs(), main);
        assertEquals(0, plain.exitCode(), plain::toString);

        Jvm.Result agent = Jvm.run("-Xcomp", "-XX:CompileCommand=quiet", "-XX:CompileCommand=compileonly,programs.*::*",
                "-Xlog:monitormismatch=info", Jvm.agent("include=programs.**"), "-cp", Jvm.programs(), main);
        assertEquals(0, agent.exitCode(), agent::toString);
        assertFalse(agent.out().contains(MISMATCH) || agent.err().contains(MISMATCH), agent::toString);
        assertEquals(plain.out(), agent.out(), agent::toString);
    }
}
