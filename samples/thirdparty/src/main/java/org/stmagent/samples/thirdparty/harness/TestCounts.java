package org.stmagent.samples.thirdparty.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests found, passed and failed in one run, read from its output: the JUnit Platform console
 * launcher's summary, or a workload's closing line {@code N passed, N failed}. {@code failing}
 * names the failed tests (the launcher's failure list, a workload's {@code FAILED} lines).
 */
record TestCounts(long found, long passed, long failed, List<String> failing) {

    static final TestCounts NONE = new TestCounts(0, 0, 0, List.of());

    private static final Pattern LAUNCHER_LINE = Pattern.compile("^\\[\\s*(\\d+) (tests|containers) (\\w+)\\s*]$");
    private static final Pattern LAUNCHER_FAILURE = Pattern.compile("^  (JUnit \\w+:.*)$");
    private static final Pattern WORKLOAD_CLOSING = Pattern.compile("^(\\d+) passed, (\\d+) failed$");
    private static final Pattern WORKLOAD_FAILURE = Pattern.compile("^FAILED (.*)$");

    /** A failed container (a class whose set-up failed) counts as one failed test. */
    static TestCounts fromLauncher(List<String> output) {
        long found = 0;
        long passed = 0;
        long failed = 0;
        List<String> failing = new ArrayList<>();
        for (String line : output) {
            Matcher m = LAUNCHER_LINE.matcher(line.strip());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                boolean tests = m.group(2).equals("tests");
                switch (m.group(3)) {
                    case "found": found += tests ? n : 0; break;
                    case "successful": passed += tests ? n : 0; break;
                    case "failed": failed += n; break;
                    default: break;
                }
                continue;
            }
            Matcher f = LAUNCHER_FAILURE.matcher(line);
            if (f.matches()) {
                failing.add(f.group(1));
            }
        }
        return new TestCounts(found, passed, failed, failing);
    }

    static TestCounts fromWorkload(List<String> output) {
        List<String> failing = new ArrayList<>();
        for (String line : output) {
            Matcher f = WORKLOAD_FAILURE.matcher(line);
            if (f.matches()) {
                failing.add(f.group(1));
            }
            Matcher m = WORKLOAD_CLOSING.matcher(line);
            if (m.matches()) {
                long passed = Long.parseLong(m.group(1));
                long failed = Long.parseLong(m.group(2));
                return new TestCounts(passed + failed, passed, failed, failing);
            }
        }
        return new TestCounts(0, 0, 0, failing);
    }

    /** The tests that failed here but not in {@code baseline}. */
    List<String> failingBeyond(TestCounts baseline) {
        List<String> extra = new ArrayList<>(failing);
        extra.removeAll(baseline.failing);
        return extra;
    }
}
