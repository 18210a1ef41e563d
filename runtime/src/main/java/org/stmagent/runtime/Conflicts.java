package org.stmagent.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Aborts charged to the location that caused them, with the time the aborted attempts lost.
 * Each thread tallies in a map of its own (touched only when an attempt aborts); reports merge them.
 */
final class Conflicts {
    /** One location's tally. */
    static final class Tally {
        long aborts;
        long nanosLost;
    }

    private static final Map<Thread, Map<ConflictLocation, Tally>> THREADS = new ConcurrentHashMap<>();

    private Conflicts() {
    }

    /** The calling thread's tally, registered for reports. */
    static Map<ConflictLocation, Tally> forThread(Thread thread) {
        Map<ConflictLocation, Tally> tally = new HashMap<>();
        THREADS.merge(thread, tally, (a, b) -> a);
        return THREADS.get(thread);
    }

    static void charge(Map<ConflictLocation, Tally> tally, ConflictLocation location, long nanos) {
        synchronized (tally) { // the report may read while the thread adds
            Tally t = tally.computeIfAbsent(location, l -> new Tally());
            t.aborts++;
            t.nanosLost += nanos;
        }
    }

    /** Every location over every thread, by time lost, then by aborts. */
    static List<Map.Entry<ConflictLocation, Tally>> merged() {
        Map<ConflictLocation, Tally> all = new HashMap<>();
        for (Map<ConflictLocation, Tally> tally : THREADS.values()) {
            synchronized (tally) {
                for (Map.Entry<ConflictLocation, Tally> e : tally.entrySet()) {
                    Tally sum = all.computeIfAbsent(e.getKey(), l -> new Tally());
                    sum.aborts += e.getValue().aborts;
                    sum.nanosLost += e.getValue().nanosLost;
                }
            }
        }
        List<Map.Entry<ConflictLocation, Tally>> sorted = new ArrayList<>(all.entrySet());
        sorted.sort((a, b) -> a.getValue().nanosLost != b.getValue().nanosLost
                ? Long.compare(b.getValue().nanosLost, a.getValue().nanosLost)
                : Long.compare(b.getValue().aborts, a.getValue().aborts));
        return sorted;
    }

    /** The conflict section of the text report: the {@code top} locations by time lost. */
    static String render(int top) {
        List<Map.Entry<ConflictLocation, Tally>> sorted = merged();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "conflicts by location (top %d of %d, by time lost in aborted attempts)%n",
                Math.min(top, sorted.size()), sorted.size()));
        for (int i = 0; i < Math.min(top, sorted.size()); i++) {
            Map.Entry<ConflictLocation, Tally> e = sorted.get(i);
            out.append(String.format(Locale.ROOT, "  %10d aborts %12.3f ms  %s%n", e.getValue().aborts,
                    e.getValue().nanosLost / 1e6, e.getKey().describe()));
        }
        return out.toString();
    }
}
