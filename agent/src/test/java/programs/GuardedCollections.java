package programs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JDK collections guarded by one lock, used by several threads: an ArrayList, a HashMap with
 * String keys and a TreeMap whose keys are a Comparable class of this program. Sizes and
 * contents come out right.
 */
public final class GuardedCollections {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5_000;
    private static final int KEYS = 50;

    static final class Version implements Comparable<Version> {
        final int major;
        int minor;

        Version(int major, int minor) {
            this.major = major;
            this.minor = minor;
        }

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            return c != 0 ? c : Integer.compare(minor, o.minor);
        }
    }

    private final Object lock = new Object();
    private final List<Integer> list = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final TreeMap<Version, Long> tree = new TreeMap<>();

    public static void main(String[] args) {
        Run.startWatchdog();
        GuardedCollections p = new GuardedCollections();
        Run.threads(THREADS, t -> {
            for (int i = 0; i < ROUNDS; i++) {
                int value = t * ROUNDS + i;
                synchronized (p.lock) {
                    p.list.add(value);
                    p.counts.merge("k" + (value % KEYS), 1, Integer::sum);
                    Version v = new Version(value % KEYS, value % 3);
                    p.tree.merge(v, (long) value, Long::sum);
                    if (i % 10 == 9) {
                        int removed = p.list.remove(p.list.size() - 1);
                        p.list.add(removed); // put it back: the size stays honest
                        Run.check(p.list.size() <= THREADS * ROUNDS, "list too big");
                    }
                }
            }
        });
        int n = THREADS * ROUNDS;
        synchronized (p.lock) {
            Run.check(p.list.size() == n, "list size " + p.list.size());
            boolean[] seen = new boolean[n];
            for (int v : p.list) {
                Run.check(!seen[v], "value " + v + " twice");
                seen[v] = true;
            }
            Run.check(p.counts.size() == KEYS, "map size " + p.counts.size());
            for (int k = 0; k < KEYS; k++) {
                Run.check(p.counts.get("k" + k) == n / KEYS, "count of k" + k + " is " + p.counts.get("k" + k));
            }
            Run.check(p.tree.size() == KEYS * 3, "tree size " + p.tree.size());
            long total = 0;
            for (long s : p.tree.values()) {
                total += s;
            }
            Run.check(total == (long) n * (n - 1) / 2, "tree total " + total);
            Run.check(p.tree.firstKey().major == 0 && p.tree.lastKey().major == KEYS - 1, "tree order");
        }
        System.out.println("guarded collections: " + n + " elements, " + KEYS + " keys ok");
    }
}
