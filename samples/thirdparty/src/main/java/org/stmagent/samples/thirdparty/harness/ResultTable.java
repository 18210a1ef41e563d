package org.stmagent.samples.thirdparty.harness;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the outcomes as Markdown: one table row per suite, then each suite's conflict and inevitable sites. */
final class ResultTable {
    private static final int TOP_CONFLICTS = 3;
    private static final int TOP_INEVITABLE = 5;
    private static final int FAILURES_LISTED = 20;

    private ResultTable() {
    }

    static void print(List<Outcome> outcomes, PrintStream out) {
        out.println("| suite | tests found plain / agent | passed plain / agent | failed plain / agent "
                + "| time plain / agent | ratio | committed | aborted |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Outcome o : outcomes) {
            out.printf(Locale.ROOT, "| %s | %d / %d | %d / %d | %d / %d | %.1f s / %.1f s%s | %.2f | %s | %s |%n",
                    o.suite().name(), o.plain().found(), o.agent().found(), o.plain().passed(), o.agent().passed(),
                    o.plain().failed(), o.agent().failed(), o.plainTime().toMillis() / 1000.0,
                    o.agentTime().toMillis() / 1000.0, o.timedOut() ? " (stopped)" : "", o.timeRatio(),
                    count(o.report().committed()), count(o.report().aborted()));
        }
        for (Outcome o : outcomes) {
            details(o, out);
        }
    }

    private static void details(Outcome o, PrintStream out) {
        out.printf("%n### %s (include=%s)%n%n", o.suite().name(), o.suite().include());
        List<String> failures = o.agentOnlyFailures();
        if (!failures.isEmpty()) {
            out.printf("Failed under the agent only (%d):%n%n", failures.size());
            failures.stream().limit(FAILURES_LISTED).forEach(f -> out.println("- " + f));
            out.println();
        }
        if (!o.report().present()) {
            out.println("No agent report.");
            return;
        }
        out.println("Top conflict sites:");
        out.println();
        if (o.report().conflicts().isEmpty()) {
            out.println("- none");
        }
        o.report().conflicts().stream().limit(TOP_CONFLICTS).forEach(c -> out.printf(Locale.ROOT,
                "- %d aborts, %s on %s: %s, lost to %s%n", c.aborts(), c.cause(), c.location(), c.lost(), c.won()));
        out.println();
        out.println("Made transactions inevitable:");
        out.println();
        if (o.report().inevitable().isEmpty()) {
            out.println("- nothing");
        }
        o.report().inevitable().stream().limit(TOP_INEVITABLE).forEach(i -> out.printf(Locale.ROOT,
                "- %d transactions: %s%n", i.transactions(), i.site()));
    }

    private static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }
}
