package org.stmagent.samples.queue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.stmagent.runtime.TransactionQueue;
import org.stmagent.samples.SampleArgs;

/**
 * pypy-stm's motivating loop, {@code for (e : bigMap.entrySet()) f(e.getKey(), e.getValue())},
 * turned into the {@link TransactionQueue} form: one task per entry, each task a transaction, run on
 * 1 and then 2 threads. {@code f} scores the entry (some arithmetic over the value's characters) and
 * counts the score in one of 64 buckets, shared by all tasks: two tasks conflict only when they
 * count into the same bucket at the same moment. Prints the median time of each form over several
 * repeats, the speed-ups, and checks that every form counted the same histogram as the plain loop.
 *
 * <pre>
 * java -javaagent:stm-agent.jar=include=org.stmagent.samples.** -cp stm-sample-apps.jar \
 *     org.stmagent.samples.queue.QueueMap [--entries N] [--work W] [--repeats R]
 * </pre>
 *
 * Only correct under the agent: without it the tasks are not transactions, and two threads count
 * into the buckets with no synchronization at all.
 */
public final class QueueMap {
    private static final int BUCKETS = 64;

    private final int work;
    private final long[] buckets = new long[BUCKETS];

    private QueueMap(int work) {
        this.work = work;
    }

    /** f(key, value): scores the entry and counts the score in its bucket. */
    void count(int key, String value) {
        long h = key;
        for (int round = 0; round < work; round++) {
            for (int i = 0; i < value.length(); i++) {
                h = h * 31 + value.charAt(i) + round;
            }
        }
        buckets[(int) (h >>> 58)]++;
    }

    public static void main(String[] args) {
        SampleArgs options = SampleArgs.of("QueueMap")
                .option("entries", 10_000, "entries in the map")
                .option("work", 1_000, "rounds of scoring per entry (the size of a task)")
                .option("repeats", 5, "runs of each form; the median is reported")
                .parse(args);
        int entries = options.positiveInt("entries");
        int work = options.positiveInt("work");
        int repeats = options.positiveInt("repeats");
        Map<Integer, String> map = randomMap(entries);
        System.out.printf(Locale.ROOT, "QueueMap: %,d entries, %d rounds per entry, median of %d runs%n", entries, work, repeats);

        long[] expected = new QueueMap(work).loop(map);
        double loop = median(repeats, () -> new QueueMap(work).loop(map), expected, "plain loop");
        double one = median(repeats, () -> new QueueMap(work).queue(map, 1), expected, "queue, 1 thread");
        double two = median(repeats, () -> new QueueMap(work).queue(map, 2), expected, "queue, 2 threads");
        System.out.printf(Locale.ROOT, "speed-up of the queue, 2 threads over 1: %.2fx; over the plain loop: %.2fx%n",
                one / two, loop / two);
        System.out.println("verified: every run counted the plain loop's histogram");
    }

    /** The loop as written: one thread, no transactions. */
    private long[] loop(Map<Integer, String> map) {
        for (Map.Entry<Integer, String> e : map.entrySet()) {
            count(e.getKey(), e.getValue());
        }
        return buckets;
    }

    /** The same loop as queued tasks: the map is read here, each task gets its entry's key and value. */
    private long[] queue(Map<Integer, String> map, int threads) {
        TransactionQueue queue = new TransactionQueue();
        for (Map.Entry<Integer, String> e : map.entrySet()) {
            int key = e.getKey();
            String value = e.getValue();
            queue.add(() -> count(key, value));
        }
        queue.run(threads);
        return buckets;
    }

    private interface Form {
        long[] run();
    }

    /** Runs a form {@code repeats} times, checks each histogram, prints and returns the median milliseconds. */
    private static double median(int repeats, Form form, long[] expected, String name) {
        double[] millis = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            long[] counted = form.run();
            millis[r] = (System.nanoTime() - start) / 1e6;
            if (!Arrays.equals(expected, counted)) {
                System.out.println("FAILED: " + name + " counted " + Arrays.toString(counted)
                        + ", the plain loop " + Arrays.toString(expected));
                System.exit(2);
            }
        }
        Arrays.sort(millis);
        double median = millis[repeats / 2];
        System.out.printf(Locale.ROOT, "%-18s median %8.1f ms (min %.1f, max %.1f)%n", name + ":", median, millis[0],
                millis[repeats - 1]);
        return median;
    }

    private static Map<Integer, String> randomMap(int entries) {
        SplittableRandom random = new SplittableRandom(42);
        Map<Integer, String> map = new HashMap<>();
        while (map.size() < entries) {
            char[] value = new char[16];
            for (int i = 0; i < value.length; i++) {
                value[i] = (char) ('a' + random.nextInt(26));
            }
            map.put(random.nextInt(), new String(value));
        }
        return map;
    }
}
