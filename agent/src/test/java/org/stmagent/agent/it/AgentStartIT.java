package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stmagent.testing.Jvm;

/** The agent starts in a real JVM and leaves the program's output as it was. */
class AgentStartIT {
    private static final String HELLO = "hello from main, count=3";

    @TempDir
    Path temp;

    static java.util.stream.Stream<String> javaHomes() {
        return Jvm.javaHomes();
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void programRunsWithUnchangedOutput(String javaHome) throws Exception {
        Jvm.Result plain = Jvm.runOn(javaHome, "-cp", Jvm.programs(), "programs.Hello");
        Jvm.Result agent = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,report=none"), "-cp", Jvm.programs(),
                "programs.Hello");
        assertEquals(0, plain.exitCode(), plain::toString);
        assertEquals(0, agent.exitCode(), agent::toString);
        assertEquals(HELLO + System.lineSeparator(), plain.out());
        assertEquals(plain.out(), agent.out(), agent::toString);
        assertEquals("", agent.err(), agent::toString);
    }

    @Test
    void renamedAgentJarStillPutsTheRuntimeWhereEveryLoaderSeesIt() throws Exception {
        Path renamed = Files.copy(Jvm.AGENT_JAR, temp.resolve("renamed-agent.jar"));
        Jvm.Result result = Jvm.run("-javaagent:" + renamed + "=include=programs.**,segments=2", "-cp", Jvm.programs(),
                "programs.RuntimeVisibility");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("atomic returned: in transaction"), result::toString);
        assertTrue(result.out().contains("segment limit: 2"), result::toString);
    }

    @Test
    void agentWithoutOptionsWarnsThatNothingIsRewritten() throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent(null), "-cp", Jvm.programs(), "programs.Hello");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(HELLO + System.lineSeparator(), result.out());
        assertEquals("stm-agent: warning: no 'include' option: no class is rewritten", result.errLines().get(0));
    }

    @Test
    void reportIsWrittenToStandardErrorAtExitByDefault() throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,segments=4"), "-cp", Jvm.programs(), "programs.Counter");
        // four threads incrementing one field in four segments: whatever conflicted, conflicted there
        assertTrue(result.err().contains("conflicts: "), result::toString);
        if (!result.err().contains("conflicts: 0 aborts")) {
            assertTrue(result.err().matches("(?s).*conflicts: .*\\R +\\d+\\. +[\\d,]+ aborts +[\\d.]+ ms  [a-z ]+ "
                    + "programs\\.Counter\\.value\\R.*"), result::toString);
        }
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("stm-agent report"), result::toString);
        assertTrue(result.err().matches("(?s).*total over \\d+ thread\\(s\\): [1-9]\\d* committed.*"), result::toString);
    }

    @Test
    void withStatisticsOffTheProgramRunsAndTheReportSaysNothingWasKept() throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,statistics=false"), "-cp", Jvm.programs(),
                "programs.Counter");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("total 80000 ok" + System.lineSeparator(), result.out());
        assertTrue(result.err().contains("stm-agent report: statistics=false: no statistics, timings or conflicts were kept"),
                result::toString);
        assertFalse(result.err().contains("committed"), result::toString);
    }

    @Test
    void systemExitKeepsItsStatusAndTheReportIsStillWritten() throws Exception {
        Path json = temp.resolve("exit.json");
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,json=" + json), "-cp", Jvm.programs(),
                "programs.ExitsWithThree");
        assertEquals(3, result.exitCode(), result::toString);
        assertEquals("counted 1000" + System.lineSeparator(), result.out());
        assertTrue(result.err().contains("stm-agent report"), result::toString);
        String text = Files.readString(json);
        assertTrue(text.contains("\"formatVersion\": 3"), text);
        assertTrue(text.matches("(?s).*\"total\": \\{\"name\": \"total\".*\"committed\": 1000,.*"), text);
    }

    @Test
    void histogramLogIsReadBackByHdrHistogramsOwnReader() throws Exception {
        Path log = temp.resolve("stm.hlog");
        // adaptive=false: every increment stays a transaction (the contended counter would run under its lock)
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,report=none,adaptive=false,histogram=" + log),
                "-cp", Jvm.programs(), "programs.Counter");
        assertEquals(0, result.exitCode(), result::toString);
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        try (java.io.FileInputStream in = new java.io.FileInputStream(log.toFile())) {
            org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(in);
            org.HdrHistogram.EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                org.HdrHistogram.Histogram h = (org.HdrHistogram.Histogram) next;
                counts.merge(h.getTag(), h.getTotalCount(), Long::sum);
            }
        }
        // 4 x 20,000 single-attempt transactions (plus the final read): the attempts histogram
        // counts sampled ones 32 times and retried ones once, so it lands near the real number.
        long attempts = counts.getOrDefault("attempts", 0L);
        assertTrue(attempts > 60_000 && attempts < 100_000, "attempts recorded " + counts);
        assertTrue(counts.getOrDefault("committed-attempt-ns", 0L) > 1_000, "latencies recorded " + counts);
    }

    @Test
    void reportCanGoToAFileInstead() throws Exception {
        Path report = temp.resolve("stm.txt");
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,report=" + report), "-cp", Jvm.programs(),
                "programs.Counter");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.err().contains("stm-agent report"), result::toString);
        assertTrue(Files.readString(report).contains("committed"), result::toString);
    }

    @Test
    void verboseSaysItStartedAndWhatItDidWithEachClass() throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,verbose=true"), "-cp", Jvm.programs(),
                "programs.Hello");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("stm-agent: started with 'include=programs.**,verbose=true'"), result::toString);
        assertTrue(result.err().contains(" programs.Hello "), result::toString);
    }

    @Test
    void optionsFromSystemPropertiesAndConfigFile() throws Exception {
        Path config = Files.writeString(temp.resolve("stm.properties"), "include=programs.**\nsegments=3\n");
        Jvm.Result result = Jvm.run("-Dstm.config=" + config, "-Dstm.verbose=true", Jvm.agent("segments=2"),
                "-cp", Jvm.programs(), "programs.Hello");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("started with 'include=programs.**,segments=2,verbose=true,config="),
                result::toString);
    }

    @Test
    void runtimeIsVisibleFromAnIsolatedClassLoaderAndReachesUnsafe() throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent("segments=3,include=programs.**"), "-cp", Jvm.programs(),
                "programs.RuntimeVisibility");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("runtime loader: null"), result::toString);
        assertTrue(result.out().contains("atomic returned: in transaction"), result::toString);
        assertTrue(result.out().contains("segment limit: 3"), result::toString);
    }

    @Test
    void classInASiblingLoaderIsRewrittenAndReachesTheRuntime() throws Exception {
        String programs = Path.of(Jvm.programs()).toUri().toString();
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,verbose=true,report=none"), "-cp", Jvm.programs(),
                "programs.SiblingLoader", programs);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("loaded by sibling: true\ntotal 80000 ok", result.out().strip().replace("\r", ""), result::toString);
        if (AgentJar.hasRewriter()) {
            assertTrue(result.err().contains("stm-agent: rewritten programs.Counter "), result::toString);
        }
    }

    @Test
    void dumpWritesRewrittenClassesUnderTheFolder() throws Exception {
        Path dump = temp.resolve("dump");
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,dump=" + dump), "-cp", Jvm.programs(),
                "programs.Hello");
        assertEquals(0, result.exitCode(), result::toString);
        if (AgentJar.hasRewriter()) {
            assertTrue(Files.isRegularFile(dump.resolve("programs/Hello.class")), result::toString);
        }
    }
}
