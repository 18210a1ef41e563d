package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stmagent.testing.Jvm;

/**
 * The self-checking programs in {@code programs}: each runs several threads over shared data,
 * checks its invariants, prints what it verified and exits with status 0, or prints
 * {@code FAILED: ...} and exits with status 2. Each runs plain and under the agent with its package
 * included, on every JDK, and must print the same verified result both ways.
 */
class SelfCheckingProgramsIT {
    /** Program class (in package {@code programs}) and what it prints when every check holds. */
    private static final List<String[]> PROGRAMS = List.of(
            new String[] {"NestedTransfers", "nested transfers: total 16000 ok"},
            new String[] {"StaticSynchronized", "static synchronized: 40000 calls, 40000 hits ok"},
            new String[] {"BoundedBuffer", "bounded buffer: 12000 items, sum 24006000 ok"},
            new String[] {"NotifyOne", "notify one: 18000 grants, 2 permits back ok"},
            new String[] {"ExceptionsInSynchronized", "exceptions: sum 144024000, 30400 caught ok"},
            new String[] {"Reentrancy", "reentrancy: 492000 levels, 60000 counts ok"},
            new String[] {"Inheritance", "inheritance: 39984 bumps on each of 3 objects ok"},
            new String[] {"Callbacks", "callbacks: 2000 checks of 12 items ok"},
            new String[] {"NoTearing", "no tearing: 80000 reads ok"},
            new String[] {"IoInSynchronized", ioLines(1600) + "io: 1600 lines, each once, in order ok"},
            new String[] {"GuardedCollections", "guarded collections: 20000 elements, 50 keys ok"},
            new String[] {"VolatileFlag", "volatile flag: 4 loops stopped ok"},
            new String[] {"Privatization", "privatization: 8 nodes, private writes kept ok"},
            new String[] {"Interrupts", "interrupts: 12 waiters interrupted, timeouts and illegal states ok"},
            new String[] {"Constructors", "constructors: 20000 children ok"},
            new String[] {"JoinInSynchronized", "join in synchronized: 8000 regions while joined ok"},
            new String[] {"CollectionsInTransactions", "collections: 33400 operations on 11 kinds matched; "
                    + "4 threads: 20000 shared and 20000 own updates ok"});

    /**
     * Programs for the classes of programs that once failed under the agent (issue 16): each runs
     * plain once and under the agent three times in a row, and with {@code --no-locks} (the same
     * code with a fresh object for every block) it must fail plainly, which shows its checks see
     * what the locks prevent.
     */
    private static final List<String[]> THREE_RUNS = List.<String[]>of(
            new String[] {"EveryWayOut", "every way out: 48000 calls (11851 inside another block), 5834 thrown, "
                    + "1609787 units moved, 6 monitors free ok"},
            new String[] {"PlainRuns", "plain runs: 174581 moves of 699210 units, 7871 audits, totals whole ok"},
            new String[] {"NestedWait", "nested wait: 900 moves of 22908 units, each waited for and answered, "
                    + "never seen half done ok"},
            new String[] {"HandedToThreads", "handed to threads: 960 regions (478 shared, 482 own), 320 threads "
                    + "started, 320 submitted, 320 supplied async, helpers saw every input ok"},
            new String[] {"JucInRegions", "juc in regions: 24000 steps, A 16054, B 15996, ReentrantLock 5378, "
                    + "read-write 4742/649, stamped 5244, semaphore 5391, atomics 169109/17315, map 163604, "
                    + "4 meetings ok"},
            new String[] {"CallInsideRegion", "call inside region: 40000 writes, 4000 reads unchanged across their "
                    + "call ok"},
            new String[] {"VolatilePingPong", "volatile ping-pong: 500 strokes, 500 rounds in one region, 100 long "
                    + "regions stopped, 500 steps seen, 200000 counted ok"},
            new String[] {"ClassInitRace", "class init race: 8 classes initialised once each, 80000 guarded adds ok"},
            new String[] {"ArraysOfAllKinds", "arrays: 40000 steps, 2500 copies, sums ok"});

    static Stream<Arguments> threeRunsOnEveryJdk() {
        return Jvm.javaHomes().flatMap(home -> THREE_RUNS.stream()
                .map(p -> Arguments.of(p[0], jdkName(home), home, p[1])));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("threeRunsOnEveryJdk")
    void sameVerifiedResultPlainAndThreeTimesUnderTheAgent(String program, String jdk, String javaHome,
            String expected) throws Exception {
        String mainClass = "programs." + program;
        Jvm.Result plain = Jvm.runOn(javaHome, "-cp", Jvm.programs(), mainClass);
        assertEquals(0, plain.exitCode(), () -> "plain run failed\n" + plain);
        assertEquals(expected, plain.out().strip(), () -> "plain run\n" + plain);

        assumeTrue(AgentJar.hasRewriter(), "the agent jar has no rewriter yet");
        for (int run = 1; run <= 3; run++) {
            int n = run;
            Jvm.Result agent = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,verbose=true,report=none"),
                    "-cp", Jvm.programs(), mainClass);
            assertEquals(0, agent.exitCode(), () -> "under the agent, run " + n + "\n" + agent);
            assertEquals(plain.out(), agent.out(), () -> "under the agent, run " + n + "\n" + agent);
            assertTrue(agent.err().contains("stm-agent: rewritten " + mainClass + " "), agent::toString);
            assertFalse(agent.err().contains("left unchanged"), agent::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threeRunsOnThisJdk")
    void failsPlainlyWithoutItsLocks(String program) throws Exception {
        // a race shows in nearly every run; three runs that all pass would mean the checks see nothing
        Jvm.Result plain = null;
        for (int run = 0; run < 3 && (plain == null || plain.exitCode() == 0); run++) {
            plain = Jvm.runOn(System.getProperty("java.home"), "-cp", Jvm.programs(), "programs." + program,
                    "--no-locks");
        }
        Jvm.Result last = plain;
        assertEquals(2, last.exitCode(), () -> "without locks, three runs\n" + last);
        assertTrue(last.out().startsWith("FAILED: "), () -> "without locks\n" + last);
    }

    static Stream<String> threeRunsOnThisJdk() {
        return THREE_RUNS.stream().map(p -> p[0]);
    }

    static Stream<Arguments> programsOnEveryJdk() {
        return Jvm.javaHomes().flatMap(home -> PROGRAMS.stream()
                .map(p -> Arguments.of(p[0], jdkName(home), home, p[1])));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programsOnEveryJdk")
    void sameVerifiedResultPlainAndUnderTheAgent(String program, String jdk, String javaHome, String expected)
            throws Exception {
        String mainClass = "programs." + program;
        Jvm.Result plain = Jvm.runOn(javaHome, "-cp", Jvm.programs(), mainClass);
        assertEquals(0, plain.exitCode(), () -> "plain run failed\n" + plain);
        assertEquals(expected, plain.out().strip(), () -> "plain run\n" + plain);

        assumeTrue(AgentJar.hasRewriter(), "the agent jar has no rewriter yet");
        Jvm.Result agent = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,verbose=true,report=none"),
                "-cp", Jvm.programs(), mainClass);
        assertEquals(0, agent.exitCode(), () -> "under the agent\n" + agent);
        assertEquals(plain.out(), agent.out(), () -> "under the agent\n" + agent);
        assertTrue(agent.err().contains("stm-agent: rewritten " + mainClass + " "), agent::toString);
        assertFalse(agent.err().contains("left unchanged"), agent::toString);
    }

    private static String ioLines(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    private static String jdkName(String javaHome) {
        return javaHome.equals(System.getProperty("java.home")) ? "this JDK" : javaHome;
    }

    /**
     * With one segment, a region spinning on a volatile flag holds the only segment while the thread
     * that would set the flag inside another region waits for one. With locks the program finishes
     * (the two regions lock different objects), so it must finish under the agent too.
     */
    @ParameterizedTest
    @MethodSource("javaHomes")
    void spinningRegionDoesNotKeepOthersFromTheirSegment(String javaHome) throws Exception {
        assumeTrue(AgentJar.hasRewriter(), "the agent jar has no rewriter yet");
        Jvm.Result agent = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,segments=1,report=none"),
                "-cp", Jvm.programs(), "programs.VolatileFlag");
        assertEquals(0, agent.exitCode(), agent::toString);
        assertEquals("volatile flag: 4 loops stopped ok", agent.out().strip(), agent::toString);
    }

    static Stream<String> javaHomes() {
        return Jvm.javaHomes();
    }
}
