package programs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Code run inside synchronized through lambdas, method references, inner, anonymous and local
 * classes, also when the JDK calls it back: {@code List.forEach}, {@code Collections.sort} with a
 * comparator of this program, {@code HashMap} with a key class of this program, streams,
 * {@code Optional.ifPresent}. Weight moves between items under the lock, so every sum taken under
 * the lock is the same.
 */
public final class Callbacks {
    private static final int ITEMS = 12;
    private static final int THREADS = 4;
    private static final int ROUNDS = 2_000;
    private static final int INITIAL = 100;

    static final class Item {
        final int id;
        int weight;

        Item(int id, int weight) {
            this.id = id;
            this.weight = weight;
        }
    }

    /** Orders by weight, then id; reads the items' fields, which transactions write. */
    static final class ByWeight implements Comparator<Item> {
        long compared;

        @Override
        public int compare(Item a, Item b) {
            compared++;
            int c = Integer.compare(a.weight, b.weight);
            return c != 0 ? c : Integer.compare(a.id, b.id);
        }
    }

    /** A map key whose hashCode and equals read fields. */
    static final class Key {
        int bucket;

        Key(int bucket) {
            this.bucket = bucket;
        }

        @Override
        public int hashCode() {
            return bucket * 31;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.bucket == bucket;
        }
    }

    final class Inner {
        void addSum(int w) {
            innerSum += w;
        }
    }

    private final Object lock = new Object();
    private final List<Item> items = new ArrayList<>();
    private final Map<Key, Integer> counts = new HashMap<>();
    private final ByWeight byWeight = new ByWeight();
    private long lambdaSum;
    private long refSum;
    private long innerSum;
    private long anonSum;
    private long localSum;
    private long optionalSum;

    private void addRef(Item item) {
        refSum += item.weight;
    }

    void move(int from, int to, int amount) {
        synchronized (lock) {
            Item a = items.get(from);
            Item b = items.get(to);
            if (a.weight >= amount) {
                a.weight -= amount;
                b.weight += amount;
            }
        }
    }

    void checkAll(int round) {
        long expected = (long) ITEMS * INITIAL;
        synchronized (lock) {
            lambdaSum = 0;
            items.forEach(item -> lambdaSum += item.weight);
            Run.check(lambdaSum == expected, "lambda sum " + lambdaSum);

            refSum = 0;
            items.forEach(this::addRef);
            Run.check(refSum == expected, "method reference sum " + refSum);

            innerSum = 0;
            Inner inner = new Inner();
            for (Item item : items) {
                inner.addSum(item.weight);
            }
            Run.check(innerSum == expected, "inner class sum " + innerSum);

            anonSum = 0;
            Runnable anon = new Runnable() {
                @Override
                public void run() {
                    for (Item item : items) {
                        anonSum += item.weight;
                    }
                }
            };
            anon.run();
            Run.check(anonSum == expected, "anonymous class sum " + anonSum);

            class Local implements IntSupplier {
                @Override
                public int getAsInt() {
                    int s = 0;
                    for (Item item : items) {
                        s += item.weight;
                    }
                    return s;
                }
            }
            localSum = new Local().getAsInt();
            Run.check(localSum == expected, "local class sum " + localSum);

            long streamSum = items.stream().mapToLong(item -> item.weight).sum();
            Run.check(streamSum == expected, "stream sum " + streamSum);

            optionalSum = 0;
            Optional.of(items.get(round % ITEMS)).ifPresent(item -> optionalSum += item.weight + 1);
            Run.check(optionalSum >= 1, "Optional.ifPresent did not run");

            List<Item> sorted = new ArrayList<>(items);
            Collections.sort(sorted, byWeight);
            long sortedSum = 0;
            for (int i = 0; i < sorted.size(); i++) {
                sortedSum += sorted.get(i).weight;
                if (i > 0) {
                    Run.check(byWeight.compare(sorted.get(i - 1), sorted.get(i)) < 0, "not sorted at " + i);
                }
            }
            Run.check(sortedSum == expected, "sorted sum " + sortedSum);

            counts.merge(new Key(round % 7), 1, Integer::sum);
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        Callbacks p = new Callbacks();
        for (int i = 0; i < ITEMS; i++) {
            p.items.add(new Item(i, INITIAL));
        }
        Run.threads(THREADS, t -> {
            int r = 0x2545F491 * (t + 1);
            for (int i = 0; i < ROUNDS; i++) {
                r = Run.next(r);
                int a = (r >>> 1) % ITEMS;
                r = Run.next(r);
                int b = (r >>> 1) % ITEMS;
                p.move(a, b, 1 + (r >>> 24) % 20);
                if (i % 4 == 0) {
                    p.checkAll(i / 4);
                }
            }
        });
        int merges = 0;
        synchronized (p.lock) {
            Run.check(p.counts.size() == 7, "map has " + p.counts.size() + " keys");
            for (int b = 0; b < 7; b++) {
                Integer n = p.counts.get(new Key(b));
                Run.check(n != null, "key " + b + " missing");
                merges += n;
            }
        }
        Run.check(merges == THREADS * ROUNDS / 4, merges + " merges, expected " + THREADS * ROUNDS / 4);
        System.out.println("callbacks: " + merges + " checks of " + ITEMS + " items ok");
    }
}
