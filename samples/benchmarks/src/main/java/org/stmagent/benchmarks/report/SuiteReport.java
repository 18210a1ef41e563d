package org.stmagent.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders JMH JSON result files of the suite into a markdown report with one SVG plot per workload.
 *
 * <pre>
 * java -cp benchmarks.jar org.stmagent.benchmarks.report.SuiteReport
 *     [--markdown docs/performance-suite.md] [--plots docs/plots] [--title TEXT] [--note TEXT] result.json...
 * </pre>
 */
public final class SuiteReport {
    private Path markdown = Path.of("docs/performance-suite.md");
    private Path plots = Path.of("docs/plots");
    private String title = "Benchmark suite results";
    private String note = "";
    private final List<Path> inputs = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        SuiteReport report = new SuiteReport();
        report.parse(args);
        report.write();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--markdown":
                    markdown = Path.of(args[++i]);
                    break;
                case "--plots":
                    plots = Path.of(args[++i]);
                    break;
                case "--title":
                    title = args[++i];
                    break;
                case "--note":
                    note = args[++i];
                    break;
                default:
                    inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("usage: SuiteReport [--markdown FILE] [--plots DIR] [--title TEXT] "
                    + "[--note TEXT] result.json...");
        }
    }

    void write() throws IOException {
        JmhResults read = JmhResults.read(inputs);
        Files.createDirectories(plots);
        Path markdownDir = markdown.toAbsolutePath().getParent();
        Files.createDirectories(markdownDir);
        MarkdownReport report = new MarkdownReport(title, note, read.settings());
        for (Map.Entry<String, List<Result>> workload : byWorkload(read.results()).entrySet()) {
            WorkloadFigures figures = new WorkloadFigures(workload.getKey(), workload.getValue());
            Path plot = plots.resolve(slug(workload.getKey()) + ".svg");
            Files.writeString(plot, SvgPlot.draw(figures), StandardCharsets.UTF_8);
            String link = markdownDir.relativize(plot.toAbsolutePath()).toString().replace('\\', '/');
            report.add(figures, link);
        }
        Files.writeString(markdown, report.text(), StandardCharsets.UTF_8);
    }

    private static Map<String, List<Result>> byWorkload(List<Result> results) {
        Map<String, List<Result>> grouped = new LinkedHashMap<>();
        for (Result result : results) {
            grouped.computeIfAbsent(result.workload(), w -> new ArrayList<>()).add(result);
        }
        return grouped;
    }

    static String slug(String workload) {
        return workload.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
