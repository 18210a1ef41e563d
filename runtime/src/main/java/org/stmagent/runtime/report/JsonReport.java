package org.stmagent.runtime.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.stmagent.runtime.core.Watchdog;
import org.stmagent.runtime.stats.Conflicts;
import org.stmagent.runtime.stats.InevitableSites;
import org.stmagent.runtime.stats.Sites;
import org.stmagent.runtime.stats.Statistics;
import org.stmagent.runtime.stats.Tallies;
import org.stmagent.runtime.stats.ThreadReport;
import org.stmagent.runtime.stats.ThreadTimings;
import org.stmagent.runtime.stats.TimedState;
import org.stmagent.runtime.stats.TimingKind;
import org.stmagent.runtime.stats.Timings;

/**
 * The statistics report as JSON, with the same content as {@link StatisticsTable}. Its schema is
 * {@code docs/report-schema.json} (JSON Schema 2020-12), which {@code ReportSchemaIT} holds real
 * reports to; docs/reports.md explains the fields.
 *
 * <p>Conflicts are every location, cause and pair of sites that aborted an attempt, by time lost;
 * {@code lost} is the access of the aborted attempt, {@code won} the write of the transaction that
 * won. Latencies are in nanoseconds, from one transaction in {@value ThreadTimings#SAMPLE_EVERY}.
 * {@code watchdogReports} counts the stuck transactions and waits the watchdog reported.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render() {
        return render(Statistics.perThread());
    }

    public static String render(List<ThreadReport> threads) {
        StringBuilder out = new StringBuilder(1024);
        out.append("{\n  \"format\": \"stm-agent report\",\n  \"formatVersion\": 3,\n  \"threads\": [");
        for (int i = 0; i < threads.size(); i++) {
            out.append(i == 0 ? "\n    " : ",\n    ");
            thread(out, threads.get(i));
        }
        out.append(threads.isEmpty() ? "],\n  \"total\": " : "\n  ],\n  \"total\": ");
        thread(out, ThreadReport.sum("total", threads));
        out.append(",\n  \"timings\": {");
        TimingKind[] kinds = TimingKind.values();
        for (int i = 0; i < kinds.length; i++) {
            Histogram h = Timings.total(kinds[i]);
            out.append(i == 0 ? "\n    " : ",\n    ");
            string(out, kinds[i].tag());
            out.append(String.format(Locale.ROOT,
                    ": {\"count\": %d, \"p50\": %d, \"p90\": %d, \"p99\": %d, \"p999\": %d, \"max\": %d}",
                    h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue()));
        }
        out.append("\n  },\n  \"conflicts\": [");
        List<Map.Entry<Conflicts.Named, Tallies.Tally>> conflicts = Conflicts.named();
        for (int i = 0; i < conflicts.size(); i++) {
            Conflicts.Named c = conflicts.get(i).getKey();
            out.append(i == 0 ? "\n    {\"location\": " : ",\n    {\"location\": ");
            string(out, c.location());
            out.append(", \"cause\": ");
            string(out, c.cause().label());
            out.append(String.format(Locale.ROOT, ", \"aborts\": %d, \"nanosLost\": %d, \"lost\": ",
                    conflicts.get(i).getValue().count, conflicts.get(i).getValue().nanos));
            site(out, c.lostSite());
            out.append(", \"won\": ");
            site(out, c.wonSite());
            out.append('}');
        }
        out.append(conflicts.isEmpty() ? "],\n  \"inevitable\": [" : "\n  ],\n  \"inevitable\": [");
        List<Map.Entry<Integer, Tallies.Tally>> inevitable = InevitableSites.TALLIES.merged();
        for (int i = 0; i < inevitable.size(); i++) {
            out.append(i == 0 ? "\n    {\"site\": " : ",\n    {\"site\": ");
            site(out, inevitable.get(i).getKey());
            out.append(String.format(Locale.ROOT, ", \"transactions\": %d, \"nanosOthersWaited\": %d}",
                    inevitable.get(i).getValue().count, inevitable.get(i).getValue().nanos));
        }
        out.append(inevitable.isEmpty() ? "],\n" : "\n  ],\n");
        return out.append("  \"watchdogReports\": ").append(Watchdog.reports()).append("\n}\n").toString();
    }

    /** A site as an object: its one-line description and its parts (file and line may be null, -1). */
    private static void site(StringBuilder out, int id) {
        Sites.Site site = Sites.get(id);
        out.append("{\"description\": ");
        string(out, site.describe());
        out.append(", \"access\": ");
        string(out, site.access());
        out.append(", \"class\": ");
        string(out, site.className());
        out.append(", \"method\": ");
        string(out, site.method());
        out.append(", \"file\": ");
        if (site.sourceFile() == null) {
            out.append("null");
        } else {
            string(out, site.sourceFile());
        }
        out.append(", \"line\": ").append(site.line()).append('}');
    }

    private static void thread(StringBuilder out, ThreadReport report) {
        out.append("{\"name\": ");
        string(out, report.threadName());
        out.append(String.format(Locale.ROOT,
                ", \"id\": %d, \"alive\": %b, \"lifetimeNanos\": %d, \"committed\": %d, \"aborted\": %d, \"states\": {",
                report.threadId(), report.alive(), report.lifetimeNanos(), report.committed(), report.aborted()));
        TimedState[] states = TimedState.values();
        for (int i = 0; i < states.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            string(out, states[i].label());
            out.append(String.format(Locale.ROOT, ": {\"count\": %d, \"nanos\": %d}",
                    report.count(states[i]), report.nanos(states[i])));
        }
        out.append("}}");
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
