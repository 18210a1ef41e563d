package org.stmagent.benchmarks.report;

import java.util.List;
import java.util.Locale;

/** Writes the suite's results as markdown: per workload, its plot and a table with the ratios. */
final class MarkdownReport {
    private final StringBuilder text = new StringBuilder();

    MarkdownReport(String title, String note, String settings) {
        text.append("# ").append(title).append("\n\n");
        if (!note.isEmpty()) {
            text.append("> ").append(note).append("\n\n");
        }
        text.append(settings).append(".\n\n");
        text.append("Throughput in operations per millisecond (higher is better): the median of every measured iteration of every fork, with JMH's 99.9% error of the mean; ")
                .append("`× synchronized`: throughput over `synchronized` at the same thread count; ")
                .append("`× 1 thread`: throughput over the same variant with one thread; ")
                .append("`B/op`: bytes allocated per operation (`gc.alloc.rate.norm`, with `-prof gc` only).\n");
    }

    void add(WorkloadFigures figures, String plotPath) {
        text.append("\n## ").append(figures.workload()).append("\n\n");
        text.append("![").append(figures.workload()).append("](").append(plotPath).append(")\n\n");
        text.append("| variant | threads | ops/ms | ± error | × synchronized | × 1 thread | B/op |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|\n");
        List<Result> results = figures.results();
        for (Result result : results) {
            text.append("| ").append(result.variant())
                    .append(" | ").append(result.threads())
                    .append(" | ").append(throughput(result.score()))
                    .append(" | ").append(throughput(result.error()))
                    .append(" | ").append(ratio(figures.versusSynchronized(result)))
                    .append(" | ").append(ratio(figures.versusOneThread(result)))
                    .append(" | ").append(bytes(result.bytesPerOp()))
                    .append(" |\n");
        }
    }

    String text() {
        return text.toString();
    }

    static String throughput(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.2f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String bytes(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.1f", value);
    }
}
