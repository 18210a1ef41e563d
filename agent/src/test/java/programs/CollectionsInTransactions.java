package programs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JDK's collections used inside {@code synchronized} blocks. First one thread applies the same
 * random operations to a collection inside the blocks and to a twin of it outside any block, for
 * eleven kinds of collection, and compares their contents and answers as it goes: iteration, removal
 * through iterators, resizing, views, and an access-ordered map whose eviction rule is this
 * program's own override. Then several threads update one shared map and list under one lock,
 * on keys of their own and on keys they share, and the totals come out exact.
 */
public final class CollectionsInTransactions {
    private static final int OPERATIONS = 3_000;
    private static final int THREADS = 4;
    private static final int UPDATES = 5_000;
    private static final int SHARED_KEYS = 64;

    private final Object lock = new Object();
    private final Random random = new Random(42);
    private int operations;

    /** An LRU cache: evicts its eldest entry above 100 entries (called from inside LinkedHashMap's code). */
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;

        Lru() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > 100;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        CollectionsInTransactions program = new CollectionsInTransactions();
        program.maps(new HashMap<>(), new HashMap<>());
        program.maps(new TreeMap<>(), new TreeMap<>());
        program.maps(new Lru<>(), new Lru<>());
        program.lists(new ArrayList<>(), new ArrayList<>());
        program.lists(new LinkedList<>(), new LinkedList<>());
        program.sets(new HashSet<>(), new HashSet<>());
        program.sets(new TreeSet<>(), new TreeSet<>());
        program.deque();
        program.priorityQueue();
        program.builder();
        program.bits();
        program.readersOfWhatTheRegionWrote();
        program.subclasses();
        String shared = program.shared();
        System.out.println("collections: " + program.operations + " operations on 11 kinds matched; " + shared);
    }

    private void maps(Map<Integer, String> inside, Map<Integer, String> outside) {
        for (int i = 0; i < OPERATIONS; i++) {
            int key = random.nextInt(i < OPERATIONS / 2 ? 4_000 : 300);
            int op = random.nextInt(10);
            Object got;
            synchronized (lock) {
                got = mapOperation(inside, op, key);
            }
            check(inside, got, mapOperation(outside, op, key));
        }
    }

    private static Object mapOperation(Map<Integer, String> map, int op, int key) {
        switch (op) {
            case 0, 1, 2:
                return map.put(key, "v" + key);
            case 3:
                return map.remove(key);
            case 4:
                return map.get(key);
            case 5:
                return map.containsKey(key) + " " + map.size();
            case 6:
                return map.getOrDefault(key, "none") + map.putIfAbsent(key + 1, "w");
            case 7: { // iterate, remove every entry whose key has the key's remainder
                int removed = 0;
                for (Iterator<Map.Entry<Integer, String>> it = map.entrySet().iterator(); it.hasNext(); ) {
                    if (it.next().getKey() % 97 == key % 97) {
                        it.remove();
                        removed++;
                    }
                }
                return removed;
            }
            case 8: {
                long sum = 0;
                for (int k : map.keySet()) {
                    sum += k;
                }
                return sum + " " + map.values().size();
            }
            default:
                return map.toString().length();
        }
    }

    private void lists(List<Integer> inside, List<Integer> outside) {
        for (int i = 0; i < OPERATIONS; i++) {
            int value = random.nextInt(1_000);
            int op = random.nextInt(8);
            Object got;
            synchronized (lock) {
                got = listOperation(inside, op, value);
            }
            check(inside, got, listOperation(outside, op, value));
        }
    }

    private static Object listOperation(List<Integer> list, int op, int value) {
        switch (op) {
            case 0, 1:
                return list.add(value);
            case 2:
                list.add(value % (list.size() + 1), value);
                return list.size();
            case 3:
                return list.isEmpty() ? null : list.remove(value % list.size());
            case 4:
                return list.isEmpty() ? null : list.set(value % list.size(), value);
            case 5:
                return list.indexOf(value) + " " + list.contains(value);
            case 6: {
                long sum = 0;
                for (int v : list) {
                    sum += v;
                }
                return sum;
            }
            default:
                if (list.size() > 20) {
                    list.subList(3, 9).clear();
                }
                return list.size();
        }
    }

    private void sets(Set<String> inside, Set<String> outside) {
        for (int i = 0; i < OPERATIONS; i++) {
            String value = "s" + random.nextInt(2_000);
            int op = random.nextInt(4);
            Object got;
            synchronized (lock) {
                got = setOperation(inside, op, value);
            }
            check(inside, got, setOperation(outside, op, value));
        }
    }

    private static Object setOperation(Set<String> set, int op, String value) {
        return switch (op) {
            case 0, 1 -> set.add(value);
            case 2 -> set.remove(value);
            default -> set.contains(value) + " " + set.size();
        };
    }

    private void deque() {
        ArrayDeque<Integer> inside = new ArrayDeque<>();
        ArrayDeque<Integer> outside = new ArrayDeque<>();
        for (int i = 0; i < OPERATIONS; i++) {
            int value = random.nextInt(1_000);
            int op = random.nextInt(6);
            Object got;
            synchronized (lock) {
                got = dequeOperation(inside, op, value);
            }
            check(inside, got, dequeOperation(outside, op, value));
        }
    }

    private static Object dequeOperation(ArrayDeque<Integer> deque, int op, int value) {
        return switch (op) {
            case 0 -> deque.offerFirst(value);
            case 1, 2 -> deque.offerLast(value);
            case 3 -> deque.pollFirst();
            case 4 -> deque.pollLast();
            default -> deque.peekFirst() + " " + deque.size();
        };
    }

    private void priorityQueue() {
        PriorityQueue<Integer> inside = new PriorityQueue<>();
        PriorityQueue<Integer> outside = new PriorityQueue<>();
        for (int i = 0; i < OPERATIONS; i++) {
            int value = random.nextInt(1_000);
            boolean offer = random.nextInt(3) > 0;
            Object got;
            synchronized (lock) {
                got = offer ? inside.offer(value) : inside.poll();
            }
            check(inside, got, offer ? outside.offer(value) : outside.poll());
        }
    }

    private void builder() {
        StringBuilder inside = new StringBuilder();
        StringBuilder outside = new StringBuilder();
        for (int i = 0; i < OPERATIONS; i++) {
            int value = random.nextInt(1_000);
            int op = random.nextInt(5);
            Object got;
            synchronized (lock) {
                got = builderOperation(inside, op, value);
            }
            check(inside, got, builderOperation(outside, op, value));
        }
    }

    /** A map of this program's that calls the JDK's {@code put} as {@code super.put}. */
    static final class CountingMap extends HashMap<Integer, String> {
        private static final long serialVersionUID = 1L;
        int puts;

        @Override
        public String put(Integer key, String value) {
            puts++;
            return super.put(key, value);
        }
    }

    /** A bit set of this program's that copies itself with {@code super.clone()}, which has no twin. */
    static final class Bits extends BitSet {
        private static final long serialVersionUID = 1L;

        Bits copy() {
            return (Bits) super.clone();
        }
    }

    /** Subclasses of the collections calling the JDK's methods non-virtually ({@code super.m()}). */
    private void subclasses() {
        CountingMap inside = new CountingMap();
        CountingMap outside = new CountingMap();
        Bits bits = new Bits();
        for (int i = 0; i < 200; i++) {
            int key = random.nextInt(50);
            Object got;
            synchronized (lock) {
                got = inside.put(key, "v" + i) + " " + inside.puts;
                bits.set(key);
                got = got + " " + bits.copy().cardinality();
            }
            check(inside, got, outside.put(key, "v" + i) + " " + outside.puts + " " + bits.cardinality());
        }
    }

    /** Holds an iterator its constructor takes: constructor code that calls into a collection. */
    static final class EntriesFrom {
        final Iterator<Map.Entry<Integer, String>> entries;

        EntriesFrom(Map<Integer, String> map) {
            entries = map.entrySet().iterator();
        }
    }

    /**
     * Code that reads a map the region has just written, other than the map's own methods: a
     * constructor that takes an iterator, and string concatenation, which calls {@code toString()}.
     */
    private void readersOfWhatTheRegionWrote() {
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String seen;
            synchronized (lock) {
                map.put(i, "v" + i);
                EntriesFrom from = new EntriesFrom(map);
                int count = 0;
                while (from.entries.hasNext()) {
                    from.entries.next();
                    count++;
                }
                seen = count + " " + map;
            }
            check(map, seen, map.size() + " " + map);
        }
    }

    private void bits() {
        BitSet inside = new BitSet();
        BitSet outside = new BitSet();
        for (int i = 0; i < OPERATIONS; i++) {
            int bit = random.nextInt(i < OPERATIONS / 2 ? 5_000 : 300);
            int op = random.nextInt(5);
            Object got;
            synchronized (lock) {
                got = bitOperation(inside, op, bit);
            }
            check(inside, got, bitOperation(outside, op, bit));
        }
    }

    private static Object bitOperation(BitSet bits, int op, int bit) {
        switch (op) {
            case 0, 1:
                bits.set(bit);
                return bits.cardinality();
            case 2:
                bits.clear(bit);
                return bits.length();
            case 3:
                return bits.get(bit) + " " + bits.nextSetBit(bit) + " " + bits.previousClearBit(bit);
            default:
                bits.flip(bit / 2, bit);
                return bits.size();
        }
    }

    private static Object builderOperation(StringBuilder builder, int op, int value) {
        switch (op) {
            case 0:
                return builder.append(value).length();
            case 1:
                return builder.append("x").append((char) ('a' + value % 26)).length();
            case 2:
                return builder.insert(value % (builder.length() + 1), "<" + value + ">").length();
            case 3:
                if (builder.length() > 200) {
                    builder.setLength(100);
                }
                return builder.length() == 0 ? "" : builder.charAt(value % builder.length()) + builder.substring(0, 1);
            default:
                return builder.indexOf(Integer.toString(value));
        }
    }

    /** Compares an answer and the whole contents, the inside collection read inside a region. */
    private void check(Object inside, Object gotInside, Object gotOutside) {
        operations++;
        if (!String.valueOf(gotInside).equals(String.valueOf(gotOutside))) {
            fail("operation " + operations + " on " + inside.getClass().getSimpleName() + " answered " + gotInside
                    + " inside a region and " + gotOutside + " outside");
        }
        if (operations % 50 == 0) {
            String contents;
            synchronized (lock) {
                contents = inside.toString();
            }
            if (!contents.equals(inside.toString())) {
                fail("contents read inside a region differ after operation " + operations);
            }
        }
    }

    /** Several threads update one map and one list under one lock: own keys, shared keys, inserts. */
    private String shared() throws InterruptedException {
        Map<Integer, Integer> counts = new HashMap<>();
        List<Integer> log = new ArrayList<>();
        for (int k = 0; k < SHARED_KEYS; k++) {
            counts.put(k, 0);
        }
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                Random r = new Random(id);
                for (int i = 0; i < UPDATES; i++) {
                    int sharedKey = r.nextInt(SHARED_KEYS);
                    int ownKey = 1_000 * (id + 1) + r.nextInt(500);
                    synchronized (lock) {
                        counts.put(sharedKey, counts.get(sharedKey) + 1);
                        counts.put(ownKey, counts.getOrDefault(ownKey, 0) + 1);
                        if (i % 10 == 0) {
                            log.add(id);
                        }
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long sharedTotal = 0;
        long ownTotal = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getKey() < SHARED_KEYS) {
                sharedTotal += e.getValue();
            } else {
                ownTotal += e.getValue();
            }
        }
        long expected = (long) THREADS * UPDATES;
        if (sharedTotal != expected || ownTotal != expected || log.size() != expected / 10) {
            fail("shared map: " + sharedTotal + " and " + ownTotal + " updates, log " + log.size() + ", expected "
                    + expected + " and " + expected / 10);
        }
        return THREADS + " threads: " + expected + " shared and " + expected + " own updates ok";
    }

    private static void fail(String message) {
        System.out.println("FAILED: " + message);
        System.exit(2);
    }
}
