package org.stmagent.runtime.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aborts charged to the location that caused them and to the pair of sites involved (the access in
 * the attempt that lost, the write of the transaction that won), with the time the aborted attempts
 * lost.
 */
public final class Conflicts {
    /** What one abort is charged to. */
    public record Conflict(ConflictLocation location, AbortCause cause, int lostSite, int wonSite) {
    }

    public static final Tallies<Conflict> TALLIES = new Tallies<>();

    /** The rewriter's name for an element of a byte or boolean array (one opcode serves both). */
    private static final String BYTE_OR_BOOLEAN = "byte[]/boolean[] element";

    private Conflicts() {
    }

    public static void charge(Map<Conflict, Tallies.Tally> tally, Conflict conflict, long nanosLost) {
        Tallies.add(tally, conflict, 1, nanosLost);
    }

    /** A conflict as the reports show it: the location by name, so a location found two ways is one row. */
    public record Named(String location, AbortCause cause, int lostSite, int wonSite) {
        /** Whether the losing access touched another location than the one written: their orecs collide. */
        boolean isFalse() {
            String touched = Sites.get(lostSite).location();
            return touched != null && !location.startsWith("(") && !touched.equals(location)
                    && !(touched.equals(BYTE_OR_BOOLEAN) && (location.startsWith("byte[]") || location.startsWith("boolean[]")));
        }
    }

    /** Every conflict over every thread, by name, by time lost. */
    public static List<Map.Entry<Named, Tallies.Tally>> named() {
        return TALLIES.merged(c -> new Named(c.location().describe(), c.cause(), c.lostSite(), c.wonSite()));
    }

    /** The conflict section of the text report: the {@code top} conflicts by time lost. */
    public static String render(int top) {
        return Tallies.render(named(), "conflicts: %,d aborts, %.3f ms lost; top %d of %d by time lost"
                + " (location; the access that lost; the write that won)%n", top, (out, rank, c, t) -> {
                    out.append(String.format(Locale.ROOT, "  %2d. %,10d aborts %12.3f ms  %-11s %s%n", rank, t.count,
                            t.nanos / 1e6, c.cause().label(), c.location()));
                    out.append("        lost: ").append(Sites.get(c.lostSite()).describe()).append(System.lineSeparator());
                    out.append("        won:  ").append(Sites.get(c.wonSite()).describe()).append(System.lineSeparator());
                    if (c.isFalse()) {
                        out.append("        (a false conflict: the two locations share an ownership record)")
                                .append(System.lineSeparator());
                    }
                });
    }
}
