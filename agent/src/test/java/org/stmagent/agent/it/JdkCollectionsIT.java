package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stmagent.testing.Jvm;

/**
 * {@code programs.CollectionsInTransactions} under the agent: its regions call the JDK's
 * collections and {@code StringBuilder} through their twins, so none of them becomes inevitable for
 * a call into a collection (the runtime's own reasons, contention and size, and code the twins call,
 * may still make some inevitable); with {@code collections=false} the same calls make them inevitable.
 */
class JdkCollectionsIT {
    private static final Pattern INEVITABLE_TOTAL = Pattern.compile("inevitable transactions: ([\\d,]+)");
    private static final Pattern ABORTS = Pattern.compile("conflicts: ([\\d,]+) aborts");
    private static final Pattern SITE = Pattern.compile(" +\\d+\\. +[\\d,]+ times +[\\d.]+ ms waited  (.*)");
    /** A call into a collection, a builder, or through Object (a collection's toString, hashCode). */
    private static final Pattern COLLECTION_CALL =
            Pattern.compile("(call|new) java\\.(util\\.|lang\\.(StringBuilder|AbstractStringBuilder|Object|String)\\.).*");
    private static final String RESULT =
            "collections: 33400 operations on 11 kinds matched; 4 threads: 20000 shared and 20000 own updates ok";

    static Stream<String> jdks() {
        return Jvm.javaHomes();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void callsIntoCollectionsStayOptimistic(String javaHome) throws Exception {
        Jvm.Result run = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,top=50"), "-cp", Jvm.programs(),
                "programs.CollectionsInTransactions");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(RESULT, run.out().strip(), run::toString);
        for (String site : inevitableSites(run.err())) {
            assertTrue(!COLLECTION_CALL.matcher(site).matches(), () -> "a region went inevitable for " + site + "\n" + run);
        }
        Matcher aborts = ABORTS.matcher(run.err());
        assertTrue(aborts.find(), run::toString);
        if (!aborts.group(1).equals("0")) { // the shared keys conflict: inside HashMap, via the program's call
            assertTrue(run.err().contains(" at java.util.HashMap.") && run.err().contains(
                    " via programs.CollectionsInTransactions."), () -> "conflicts name the program's call\n" + run);
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void withoutTwinsTheSameCallsMakeRegionsInevitable(String javaHome) throws Exception {
        Jvm.Result run = Jvm.runOn(javaHome, Jvm.agent("include=programs.**,top=50,collections=false"), "-cp",
                Jvm.programs(), "programs.CollectionsInTransactions");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(RESULT, run.out().strip(), run::toString);
        Matcher total = INEVITABLE_TOTAL.matcher(run.err());
        assertTrue(total.find(), run::toString);
        long inevitable = Long.parseLong(total.group(1).replace(",", ""));
        assertTrue(inevitable >= 30_000, () -> "every checked region calls a collection: " + run);
        assertTrue(inevitableSites(run.err()).stream().anyMatch(s -> s.startsWith("call java.util.Map.get")),
                run::toString);
    }

    private static List<String> inevitableSites(String report) {
        List<String> sites = new ArrayList<>();
        int start = report.indexOf("inevitable transactions:");
        int end = report.indexOf("timings", start);
        Matcher m = SITE.matcher(report.substring(start, end < 0 ? report.length() : end));
        while (m.find()) {
            sites.add(m.group(1));
        }
        return sites;
    }
}
