package org.stmagent.runtime.stats;

import java.util.Locale;
import java.util.Map;

/**
 * The sites that made transactions inevitable (an irrevocable call, or one of the runtime's own
 * reasons), how often, and how long other transactions waited for the inevitable one: for the
 * token, for a location it held, or after it killed them.
 */
public final class InevitableSites {
    public static final Tallies<Integer> TALLIES = new Tallies<>();

    private InevitableSites() {
    }

    public static void became(Map<Integer, Tallies.Tally> tally, int site) {
        Tallies.add(tally, site, 1, 0);
    }

    public static void waitedFor(Map<Integer, Tallies.Tally> tally, int site, long nanos) {
        Tallies.add(tally, site, 0, nanos);
    }

    /** The inevitability section of the text report: the {@code top} sites by others' waiting time. */
    public static String render(int top) {
        return Tallies.render(TALLIES.merged(), "inevitable transactions: %,d, others waited %.3f ms for them; top %d of %d sites by that wait%n",
                top, (out, rank, site, t) -> out.append(String.format(Locale.ROOT, "  %2d. %,10d times  %12.3f ms waited  %s%n",
                        rank, t.count, t.nanos / 1e6, Sites.get(site).describe())));
    }
}
