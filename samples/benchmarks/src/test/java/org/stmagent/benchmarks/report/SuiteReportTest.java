package org.stmagent.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report computes its ratios from a small JMH result file and writes a plot per workload. */
class SuiteReportTest {
    @TempDir
    Path out;

    @Test
    void ratiosAreAgainstSynchronizedAtTheSameThreadsAndAgainstOneThread() throws Exception {
        WorkloadFigures bank = new WorkloadFigures("bank-64", sample().results().stream()
                .filter(r -> r.workload().equals("bank-64")).toList());
        Result agentTwoThreads = bank.find("stm-agent", 2).orElseThrow();

        assertEquals(0.16, bank.versusSynchronized(agentTwoThreads), 1e-9);
        assertEquals(0.8, bank.versusOneThread(agentTwoThreads), 1e-9);
        assertEquals(List.of("synchronized", "stm-agent"), bank.variants());
    }

    @Test
    void writesTablesWithRatiosAndAllocationAndEmbedsOnePlotPerWorkload() throws Exception {
        Path markdown = out.resolve("docs/suite.md");
        Path plots = out.resolve("docs/plots");

        SuiteReport.main(new String[] {"--markdown", markdown.toString(), "--plots", plots.toString(),
                "--note", "SMOKE RUN", samplePath().toString()});

        String text = Files.readString(markdown);
        assertTrue(text.contains("> SMOKE RUN"), text);
        assertTrue(text.contains("| synchronized | 2 | 500 | 5.00 | 1.000 | 0.500 | – |"), text);
        assertTrue(text.contains("| stm-agent | 1 | 100 | 4.00 | 0.100 | 1.000 | 24.0 |"), text);
        assertTrue(text.contains("| stm-agent | 2 | 80.00 | – | 0.160 | 0.800 | 0.0 |"), text);
        assertTrue(text.contains("| Clojure | 1 | 2.50 | 0.50 | – | 1.000 | – |"), text);
        assertTrue(text.contains("![bank-64](plots/bank-64.svg)"), text);
        String svg = Files.readString(plots.resolve("bank-64.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("<polyline") && svg.contains("stm-agent"), svg);
        assertTrue(Files.exists(plots.resolve("counter.svg")));
    }

    @Test
    void aResultIsTheMedianOfEveryMeasuredIterationNotTheMeanOfTwoSteadyStates() throws Exception {
        Path file = out.resolve("bimodal.json");
        Files.writeString(file, "[{\"benchmark\": \"org.stmagent.benchmarks.suite.AgentSuite.concurrent\", "
                + "\"threads\": 2, \"params\": {\"workload\": \"bank-65536\", \"variant\": \"stm-agent\"}, "
                + "\"primaryMetric\": {\"score\": 4500.0, \"scoreError\": 9000.0, "
                + "\"rawData\": [[2100.0, 2200.0, 2000.0], [6900.0, 7000.0, 6800.0], [6700.0, 7100.0, 6950.0]]}}]");

        Result result = JmhResults.read(List.of(file)).results().get(0);

        assertEquals(6800.0, result.score(), 1e-9);
        assertEquals(9000.0, result.error(), 1e-9);
    }

    private static JmhResults sample() throws Exception {
        return JmhResults.read(List.of(samplePath()));
    }

    private static Path samplePath() throws URISyntaxException {
        return Path.of(SuiteReportTest.class.getResource("sample-results.json").toURI());
    }
}
