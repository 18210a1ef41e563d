package org.stmagent.runtime;

import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * The statistics report as JSON, with the same content as {@link StatisticsTable}:
 *
 * <pre>
 * {
 *   "format": "stm-agent report", "formatVersion": 1,
 *   "threads": [ THREAD, ... ],
 *   "total": THREAD,
 *   "timings": { "committed-attempt-ns": TIMING, "transaction-ns": TIMING, "attempts": TIMING, "wait-ns": TIMING },
 *   "conflicts": [ { "location": "com.acme.Bank$Account.balance", "aborts": 12, "nanosLost": 3456 }, ... ]
 * }
 * TIMING = { "count": 10, "p50": 1, "p90": 2, "p99": 3, "p999": 4, "max": 5 }
 * THREAD = {
 *   "name": "worker-1", "id": 14, "alive": false, "lifetimeNanos": 123,
 *   "committed": 10, "aborted": 2,
 *   "states": { "run committed": { "count": 10, "nanos": 456 }, ... every state ... }
 * }
 * </pre>
 *
 * Conflicts are every location that aborted an attempt, by time lost. Latencies are in nanoseconds, from one transaction in {@value ThreadTimings#SAMPLE_EVERY}; the
 * total's {@code id} is -1. Every state appears, zeros included, under the label the text
 * report uses.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render() {
        return render(Statistics.perThread());
    }

    public static String render(List<ThreadReport> threads) {
        StringBuilder out = new StringBuilder(1024);
        out.append("{\n  \"format\": \"stm-agent report\",\n  \"formatVersion\": 1,\n  \"threads\": [");
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
        List<Map.Entry<ConflictLocation, Conflicts.Tally>> conflicts = Conflicts.merged();
        for (int i = 0; i < conflicts.size(); i++) {
            out.append(i == 0 ? "\n    {\"location\": " : ",\n    {\"location\": ");
            string(out, conflicts.get(i).getKey().describe());
            out.append(String.format(Locale.ROOT, ", \"aborts\": %d, \"nanosLost\": %d}",
                    conflicts.get(i).getValue().aborts, conflicts.get(i).getValue().nanosLost));
        }
        return out.append(conflicts.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
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
