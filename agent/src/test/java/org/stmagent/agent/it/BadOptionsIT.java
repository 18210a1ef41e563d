package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stmagent.testing.Jvm;

/** A bad option stops the JVM before main, with one line naming it and listing the valid options. */
class BadOptionsIT {
    private static final String VALID = "Valid options: include, exclude, segments, monitors, annotations, report, "
            + "json, top, histogram, dump, pure, verbose, inevitableAfter, statistics, collections, adaptive, orecs, "
            + "watchdog, config";

    static List<Arguments> badOptions() {
        List<Arguments> cases = new java.util.ArrayList<>();
        Jvm.javaHomes().forEach(home -> {
            cases.add(Arguments.of(home, List.of(Jvm.agent("include=programs.**,sgments=4")),
                    "stm-agent: unknown option 'sgments' in the agent argument. "));
            cases.add(Arguments.of(home, List.of(Jvm.agent("segments=0")),
                    "stm-agent: bad option 'segments=0' in the agent argument: expected a positive integer. "));
        });
        cases.add(Arguments.of(System.getProperty("java.home"), List.of("-Dstm.watchdog=soon", Jvm.agent(null)),
                "stm-agent: bad option 'watchdog=soon' in -Dstm.watchdog: expected a number of seconds (up to three "
                        + "decimals) or 'off'. "));
        cases.add(Arguments.of(System.getProperty("java.home"), List.of(Jvm.agent("verbose")),
                "stm-agent: malformed option 'verbose' in the agent argument: expected key=value. "));
        cases.add(Arguments.of(System.getProperty("java.home"), List.of("-Dstm.monitor=lock", Jvm.agent(null)),
                "stm-agent: unknown option 'monitor' in -Dstm.monitor. "));
        cases.add(Arguments.of(System.getProperty("java.home"), List.of(Jvm.agent("config=/no/such/stm.properties")),
                "stm-agent: bad option 'config=/no/such/stm.properties' in the agent argument: no readable file "
                        + "'/no/such/stm.properties'. "));
        return cases;
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void jvmStopsBeforeMainWithOneLine(String javaHome, List<String> jvmArgs, String expected) throws Exception {
        List<String> args = new java.util.ArrayList<>(jvmArgs);
        args.addAll(List.of("-cp", Jvm.programs(), "programs.Hello"));
        Jvm.Result result = Jvm.runOn(javaHome, args.toArray(new String[0]));
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals("", result.out(), result::toString);
        assertEquals(List.of(expected + VALID), result.errLines(), result::toString);
        assertTrue(result.errLines().get(0).contains(VALID));
    }
}
