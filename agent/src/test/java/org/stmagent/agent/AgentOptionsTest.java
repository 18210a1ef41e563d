package org.stmagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentOptionsTest {
    @TempDir
    Path temp;

    @Test
    void defaultsWhenNothingIsGiven() {
        AgentOptions options = new AgentOptions();
        assertEquals(List.of(), options.getIncludes());
        assertEquals(List.of(), options.getExcludes());
        assertEquals(Runtime.getRuntime().availableProcessors(), options.getSegments());
        assertEquals(MonitorsOption.TRANSACTION, options.getMonitors());
        assertEquals(List.of(), options.getAnnotations());
        assertEquals("stderr", options.getReport());
        assertNull(options.getReportFile());
        assertNull(options.getJsonFile());
        assertEquals(10, options.getTop());
        assertNull(options.getHistogramFile());
        assertNull(options.getDumpFolder());
        assertEquals(List.of(), options.getPureMethods());
        assertFalse(options.isVerbose());
        assertEquals(10, options.getInevitableAfter());
        assertNull(options.getConfigFile());
        assertEquals("", options.toString());
    }

    @Test
    void nullAndEmptyArgumentsMeanDefaults() {
        assertEquals(new AgentOptions(), new AgentOptions(null));
        assertEquals(new AgentOptions(), new AgentOptions(""));
        assertEquals(new AgentOptions(), new AgentOptions("  "));
    }

    @Test
    void includeIsAColonSeparatedList() {
        AgentOptions options = new AgentOptions("include=com.acme.**:org.example.Main");
        assertEquals(List.of("com.acme.**", "org.example.Main"), options.getIncludes());
    }

    @Test
    void emptyListItemsAreDropped() {
        assertEquals(List.of("a.B", "c.D"), new AgentOptions("include=a.B::c.D:").getIncludes());
    }

    @Test
    void emptyIncludeMeansNothingIncluded() {
        assertTrue(new AgentOptions("include=").getClassSelection().isEmpty());
    }

    @Test
    void excludeIsAColonSeparatedList() {
        assertEquals(List.of("com.acme.legacy.**", "com.acme.*Test"),
                new AgentOptions("exclude=com.acme.legacy.**:com.acme.*Test").getExcludes());
    }

    @Test
    void classSelectionCombinesIncludeAndExclude() {
        ClassNamePatterns selection = new AgentOptions("include=com.acme.**,exclude=com.acme.legacy.**")
                .getClassSelection();
        assertTrue(selection.matches("com.acme.Bank"));
        assertFalse(selection.matches("com.acme.legacy.Bank"));
    }

    @Test
    void segmentsIsAPositiveInteger() {
        assertEquals(4, new AgentOptions("segments=4").getSegments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"segments=0", "segments=-2", "segments=four", "segments=", "segments=2.5",
            "segments=99999999999"})
    void badSegmentsAreRejected(String option) {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions(option));
        assertTrue(e.getMessage().contains("'" + option + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("positive integer"), e.getMessage());
    }

    @Test
    void monitorsTakesTransactionOrLock() {
        assertEquals(MonitorsOption.LOCK, new AgentOptions("monitors=lock").getMonitors());
        assertEquals(MonitorsOption.TRANSACTION, new AgentOptions("monitors=transaction").getMonitors());
    }

    @Test
    void monitorsIgnoresCase() {
        assertEquals(MonitorsOption.LOCK, new AgentOptions("monitors=LOCK").getMonitors());
    }

    @Test
    void badMonitorsIsRejected() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("monitors=locks"));
        assertTrue(e.getMessage().contains("'transaction' or 'lock'"), e.getMessage());
    }

    @Test
    void annotationsAreClassNames() {
        assertEquals(List.of("org.deuce.Atomic", "com.acme.Tx$Atomic"),
                new AgentOptions("annotations=org.deuce.Atomic:com.acme.Tx$Atomic").getAnnotations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"annotations=org..Atomic", "annotations=org.deuce.", "annotations=1org.A",
            "annotations=org/deuce/Atomic", "annotations=org.*.Atomic"})
    void badAnnotationsAreRejected(String option) {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions(option));
        assertTrue(e.getMessage().contains("not a class name"), e.getMessage());
    }

    @Test
    void reportTakesStderrNoneOrAFile() {
        assertEquals("none", new AgentOptions("report=none").getReport());
        assertNull(new AgentOptions("report=none").getReportFile());
        Path file = temp.resolve("report.txt");
        assertEquals(file, new AgentOptions("report=" + file).getReportFile());
    }

    @Test
    void reportFileInAMissingFolderIsRejected() {
        OptionException e = assertThrows(OptionException.class,
                () -> new AgentOptions("report=" + temp.resolve("missing/report.txt")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void reportThatIsAFolderIsRejected() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("report=" + temp));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void relativeReportFileIsAccepted() {
        assertEquals(Paths.get("stm-report.txt"), new AgentOptions("report=stm-report.txt").getReportFile());
    }

    @Test
    void jsonAndHistogramAreFiles() {
        AgentOptions options = new AgentOptions("json=" + temp.resolve("r.json") + ",histogram=" + temp.resolve("h.hlog"));
        assertEquals(temp.resolve("r.json"), options.getJsonFile());
        assertEquals(temp.resolve("h.hlog"), options.getHistogramFile());
    }

    @Test
    void emptyJsonIsRejected() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("json="));
        assertTrue(e.getMessage().contains("expected a path"), e.getMessage());
    }

    @Test
    void topIsANonNegativeInteger() {
        assertEquals(0, new AgentOptions("top=0").getTop());
        assertEquals(25, new AgentOptions("top=25").getTop());
        assertThrows(OptionException.class, () -> new AgentOptions("top=-1"));
    }

    @Test
    void dumpIsAFolderThatMayNotExistYet() {
        Path folder = temp.resolve("dump");
        assertEquals(folder, new AgentOptions("dump=" + folder).getDumpFolder());
    }

    @Test
    void dumpThatIsAFileIsRejected() throws IOException {
        Path file = Files.createFile(temp.resolve("file"));
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("dump=" + file));
        assertTrue(e.getMessage().contains("expected a folder"), e.getMessage());
    }

    @Test
    void pureTakesMethodPatterns() {
        assertEquals(List.of("com.acme.Util.hash", "com.acme.Strings.*"),
                new AgentOptions("pure=com.acme.Util.hash:com.acme.Strings.*").getPureMethods());
    }

    @Test
    void pureWithoutAMethodIsRejected() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("pure=hash"));
        assertTrue(e.getMessage().contains("Class.method"), e.getMessage());
    }

    @Test
    void verboseIsABoolean() {
        assertTrue(new AgentOptions("verbose=true").isVerbose());
        assertTrue(new AgentOptions("verbose=TRUE").isVerbose());
        assertFalse(new AgentOptions("verbose=false").isVerbose());
        assertThrows(OptionException.class, () -> new AgentOptions("verbose=yes"));
    }

    @Test
    void statisticsAreOnUnlessTurnedOff() {
        assertTrue(new AgentOptions("").isStatistics());
        assertTrue(new AgentOptions("statistics=true").isStatistics());
        assertFalse(new AgentOptions("statistics=FALSE").isStatistics());
        assertThrows(OptionException.class, () -> new AgentOptions("statistics=off"));
    }

    @Test
    void inevitableAfterIsAPositiveInteger() {
        assertEquals(3, new AgentOptions("inevitableAfter=3").getInevitableAfter());
        assertThrows(OptionException.class, () -> new AgentOptions("inevitableAfter=0"));
    }

    @Test
    void defaultInevitableAfterIsTheRuntimes() {
        assertEquals(org.stmagent.runtime.settings.RuntimeSettings.DEFAULT_INEVITABLE_AFTER,
                AgentOptions.DEFAULT_INEVITABLE_AFTER);
    }

    @Test
    void watchdogIsSecondsOrOff() {
        assertEquals(10_000, new AgentOptions("").getWatchdogMillis());
        assertEquals(3_000, new AgentOptions("watchdog=3").getWatchdogMillis());
        assertEquals(250, new AgentOptions("watchdog=0.25").getWatchdogMillis());
        assertEquals(0, new AgentOptions("watchdog=0").getWatchdogMillis());
        assertEquals(0, new AgentOptions("watchdog=OFF").getWatchdogMillis());
        for (String bad : new String[] {"-1", "1e3", "ten", "0.0001", "1s"}) {
            OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("watchdog=" + bad));
            assertTrue(e.getMessage().startsWith("bad option 'watchdog=" + bad + "' in the agent argument: expected a "
                    + "number of seconds"), e.getMessage());
        }
    }

    @Test
    void defaultWatchdogIsTheRuntimes() {
        assertEquals(org.stmagent.runtime.settings.RuntimeSettings.DEFAULT_WATCHDOG_SECONDS,
                AgentOptions.DEFAULT_WATCHDOG_SECONDS);
    }

    @Test
    void configMustBeAReadableFile() throws IOException {
        Path file = Files.writeString(temp.resolve("stm.properties"), "segments=2\n");
        assertEquals(file, new AgentOptions("config=" + file).getConfigFile());
        OptionException e = assertThrows(OptionException.class,
                () -> new AgentOptions("config=" + temp.resolve("missing.properties")));
        assertTrue(e.getMessage().contains("no readable file"), e.getMessage());
    }

    @Test
    void unknownKeyIsNamedAndValidKeysListed() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("sgments=4"));
        assertEquals("unknown option 'sgments' in the agent argument. Valid options: include, exclude, "
                + "segments, monitors, annotations, report, json, top, histogram, dump, pure, verbose, "
                + "inevitableAfter, statistics, collections, adaptive, orecs, watchdog, config", e.getMessage());
    }

    @Test
    void everyMessageListsTheValidKeys() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("top=x"));
        assertTrue(e.getMessage().endsWith("Valid options: " + String.join(", ", AgentOptions.VALID_KEYS)));
    }

    @Test
    void messagesAreOneLine() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("include=com/acme/**"));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void entryWithoutEqualsIsMalformed() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("include=a.B,verbose"));
        assertTrue(e.getMessage().startsWith("malformed option 'verbose' in the agent argument: expected key=value"),
                e.getMessage());
    }

    @Test
    void keysAreCaseSensitive() {
        assertThrows(OptionException.class, () -> new AgentOptions("Segments=2"));
    }

    @Test
    void keyGivenTwiceIsRejected() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("top=1,top=2"));
        assertTrue(e.getMessage().contains("'top' is given twice"), e.getMessage());
    }

    @Test
    void emptyEntriesAreIgnored() {
        assertEquals(2, new AgentOptions(",segments=2,,").getSegments());
    }

    @Test
    void spacesAroundKeysAndValuesAreIgnored() {
        AgentOptions options = new AgentOptions(" segments = 3 , include = a.** ");
        assertEquals(3, options.getSegments());
        assertEquals(List.of("a.**"), options.getIncludes());
    }

    @Test
    void valueMayContainEquals() {
        Path file = temp.resolve("a=b.txt");
        assertEquals(file, new AgentOptions("report=" + file).getReportFile());
    }

    @Test
    void badIncludePatternIsNamed() {
        OptionException e = assertThrows(OptionException.class, () -> new AgentOptions("include=com.acme.***"));
        assertTrue(e.getMessage().startsWith("bad option 'include=com.acme.***' in the agent argument"), e.getMessage());
    }

    @Test
    void toStringWritesKeysInTheirFixedOrder() {
        assertEquals("include=a.**,segments=2,verbose=true",
                new AgentOptions("verbose=true,segments=2,include=a.**").toString());
    }

    @Test
    void toStringParsesBackToEqualOptions() {
        String all = "include=com.acme.**:org.x.Main,exclude=com.acme.legacy.**,segments=3,monitors=lock,"
                + "annotations=org.deuce.Atomic,report=none,json=" + temp.resolve("r.json") + ",top=5,histogram="
                + temp.resolve("h.hlog") + ",dump=" + temp.resolve("dump") + ",pure=com.acme.Util.*,verbose=true,"
                + "inevitableAfter=4";
        AgentOptions options = new AgentOptions(all);
        assertEquals(all, options.toString());
        AgentOptions reparsed = new AgentOptions(options.toString());
        assertEquals(options, reparsed);
        assertEquals(options.toString(), reparsed.toString());
        assertEquals(options.getIncludes(), reparsed.getIncludes());
        assertEquals(options.getMonitors(), reparsed.getMonitors());
    }

    @Test
    void toStringCoversEveryValidKey() throws IOException {
        Path config = Files.writeString(temp.resolve("c.properties"), "");
        StringBuilder argument = new StringBuilder();
        for (String key : AgentOptions.VALID_KEYS) {
            argument.append(argument.length() == 0 ? "" : ",").append(key).append('=').append(sampleValue(key, config));
        }
        assertEquals(argument.toString(), new AgentOptions(argument.toString()).toString());
    }

    @Test
    void everyKeyHasItsConstant() {
        assertEquals(List.of(AgentOptions.INCLUDE, AgentOptions.EXCLUDE, AgentOptions.SEGMENTS, AgentOptions.MONITORS,
                AgentOptions.ANNOTATIONS, AgentOptions.REPORT, AgentOptions.JSON, AgentOptions.TOP,
                AgentOptions.HISTOGRAM, AgentOptions.DUMP, AgentOptions.PURE, AgentOptions.VERBOSE,
                AgentOptions.INEVITABLE_AFTER, AgentOptions.STATISTICS, AgentOptions.COLLECTIONS, AgentOptions.ADAPTIVE,
                AgentOptions.ORECS, AgentOptions.WATCHDOG, AgentOptions.CONFIG),
                AgentOptions.VALID_KEYS);
    }

    @Test
    void listGettersCannotBeModified() {
        List<String> includes = new AgentOptions("include=a.B").getIncludes();
        assertThrows(UnsupportedOperationException.class, () -> includes.add("c.D"));
    }

    private String sampleValue(String key, Path config) {
        switch (key) {
            case AgentOptions.MONITORS:
                return "lock";
            case AgentOptions.SEGMENTS:
            case AgentOptions.TOP:
            case AgentOptions.INEVITABLE_AFTER:
                return "7";
            case AgentOptions.VERBOSE:
                return "true";
            case AgentOptions.STATISTICS:
            case AgentOptions.COLLECTIONS:
            case AgentOptions.ADAPTIVE:
                return "false";
            case AgentOptions.WATCHDOG:
                return "2.5";
            case AgentOptions.ORECS:
                return "1048576";
            case AgentOptions.ANNOTATIONS:
                return "a.B";
            case AgentOptions.PURE:
                return "a.B.c";
            case AgentOptions.INCLUDE:
            case AgentOptions.EXCLUDE:
                return "a.**";
            case AgentOptions.CONFIG:
                return config.toString();
            default:
                return temp.resolve(key).toString();
        }
    }
}
