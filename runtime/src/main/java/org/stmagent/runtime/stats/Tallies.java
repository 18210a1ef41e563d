package org.stmagent.runtime.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Counts and times per key, kept per thread and merged for reports. A thread adds to its own map
 * only on slow paths (an abort, a wait); the lock on that map is for the report reading meanwhile.
 */
public final class Tallies<K> {
    /** One key's tally. */
    public static final class Tally {
        public long count;
        public long nanos;
    }

    private final Map<Thread, Map<K, Tally>> threads = new ConcurrentHashMap<>();

    /** The thread's map, registered for reports. */
    public Map<K, Tally> forThread(Thread thread) {
        return threads.computeIfAbsent(thread, t -> new HashMap<>());
    }

    static <K> void add(Map<K, Tally> tally, K key, long count, long nanos) {
        if (!Recording.ON) {
            return;
        }
        synchronized (tally) {
            Tally t = tally.computeIfAbsent(key, k -> new Tally());
            t.count += count;
            t.nanos += nanos;
        }
    }

    /** Every key over every thread, by time, then by count, both descending. */
    public List<Map.Entry<K, Tally>> merged() {
        return merged(key -> key);
    }

    /** Every key over every thread, summed under the key {@code rekey} gives it, sorted as {@link #merged()}. */
    public <J> List<Map.Entry<J, Tally>> merged(Function<K, J> rekey) {
        Map<J, Tally> all = new HashMap<>();
        for (Map<K, Tally> tally : threads.values()) {
            synchronized (tally) {
                for (Map.Entry<K, Tally> e : tally.entrySet()) {
                    Tally sum = all.computeIfAbsent(rekey.apply(e.getKey()), k -> new Tally());
                    sum.count += e.getValue().count;
                    sum.nanos += e.getValue().nanos;
                }
            }
        }
        List<Map.Entry<J, Tally>> sorted = new ArrayList<>(all.entrySet());
        sorted.sort((a, b) -> a.getValue().nanos != b.getValue().nanos
                ? Long.compare(b.getValue().nanos, a.getValue().nanos)
                : Long.compare(b.getValue().count, a.getValue().count));
        return sorted;
    }

    /** One row of a rendered section. */
    interface Row<K> {
        void append(StringBuilder out, int rank, K key, Tally tally);
    }

    /**
     * A report section: a header formatted with the total count, the total milliseconds, the number
     * of rows shown and the number of entries, then the {@code top} entries.
     */
    static <K> String render(List<Map.Entry<K, Tally>> sorted, String header, int top, Row<K> row) {
        long count = 0;
        long nanos = 0;
        for (Map.Entry<K, Tally> e : sorted) {
            count += e.getValue().count;
            nanos += e.getValue().nanos;
        }
        int shown = Math.min(top, sorted.size());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, header, count, nanos / 1e6, shown, sorted.size()));
        for (int i = 0; i < shown; i++) {
            row.append(out, i + 1, sorted.get(i).getKey(), sorted.get(i).getValue());
        }
        return out.toString();
    }
}
