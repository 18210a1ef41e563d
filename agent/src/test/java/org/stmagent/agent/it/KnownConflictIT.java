package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stmagent.testing.Jvm;

/**
 * A program with a conflict at known lines (programs.KnownConflict): the report names the field,
 * the line of the read that lost and of the write that won, and the line of the irrevocable call
 * that made transactions inevitable; the JSON report holds the same totals.
 */
class KnownConflictIT {
    private static final Path SOURCE = Paths.get("src/test/java/programs/KnownConflict.java");
    private static final String AT = " at programs\\.KnownConflict\\.";

    @TempDir
    Path temp;

    @Test
    void reportNamesTheFieldBothLinesAndTheIrrevocableCall() throws Exception {
        Path json = temp.resolve("report.json");
        // adaptive=false: a flushing region must not run plainly because the monitor's other site was switched
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,segments=2,adaptive=false,json=" + json), "-cp",
                Jvm.programs(), "programs.KnownConflict");
        assertEquals(0, result.exitCode(), result::toString);
        String report = result.err();

        Matcher row = Pattern.compile(" +\\d+\\. +([\\d,]+) aborts +[\\d.]+ ms  write read  programs\\.KnownConflict\\.hot\\R"
                + " +lost: read hot" + AT + "look\\(KnownConflict\\.java:" + lineOf("the losing read") + "\\)\\R"
                + " +won:  write hot" + AT + "bump\\(KnownConflict\\.java:" + lineOf("the winning write") + "\\)\\R")
                .matcher(report);
        assertTrue(row.find(), report);
        long aborts = number(row.group(1));
        // a reader attempt lasts far longer than a write region, and runs 1 s next to the writer
        assertTrue(aborts >= 10, "plausible count: " + report);

        long flushes = number(value(result.out(), "flushes (\\d+)"));
        Matcher inevitable = Pattern.compile(" +\\d+\\. +([\\d,]+) times +[\\d.]+ ms waited  call java\\.io\\.PrintStream\\.flush"
                + AT + "bumpAndFlush\\(KnownConflict\\.java:" + lineOf("the irrevocable call") + "\\)\\R").matcher(report);
        assertTrue(inevitable.find(), report);
        long times = number(inevitable.group(1));
        assertTrue(times >= flushes && flushes > 0, "each flushing region went inevitable at least once: " + report);

        String text = Files.readString(json);
        long textAborts = number(value(report, "conflicts: ([\\d,]+) aborts"));
        long jsonAborts = 0;
        Matcher each = Pattern.compile("\\{\"location\": \"[^\"]*\", \"cause\": \"[^\"]*\", \"aborts\": (\\d+)").matcher(text);
        while (each.find()) {
            jsonAborts += Long.parseLong(each.group(1));
        }
        assertEquals(textAborts, jsonAborts, text);
        assertTrue(text.contains("\"access\": \"read hot\", \"class\": \"programs.KnownConflict\", \"method\": \"look\", "
                + "\"file\": \"KnownConflict.java\", \"line\": " + lineOf("the losing read") + "}"), text);
    }

    /** The line of the source that carries {@code marker} in a comment. */
    private static int lineOf(String marker) throws Exception {
        List<String> lines = Files.readAllLines(SOURCE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked '" + marker + "' in " + SOURCE);
    }

    private static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
