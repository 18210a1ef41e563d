package org.stmagent.samples.collections;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.stmagent.samples.SampleArgs;

/**
 * A warehouse's stock in a {@code java.util.HashMap}, every change under one {@code synchronized}
 * lock, as ordinary code writes it. Workers move units between shared items (a {@code get} and two
 * {@code put}s of existing keys), and list and delist items of their own (inserts and removals,
 * which change the map's size). Under the agent the blocks run as transactions through the JDK
 * collections' transactional copies: moves between different items commit in parallel, and the
 * report names the map's fields together with this class's lines. At the end the units in stock
 * must equal what was there at the start, and each worker's own items must be what it listed.
 */
public final class Inventory {
    private static final int UNITS_PER_ITEM = 1_000;

    private final Map<String, Integer> stock = new HashMap<>();
    private final String[] items;

    Inventory(int itemCount) {
        items = new String[itemCount];
        for (int i = 0; i < itemCount; i++) {
            items[i] = "item-" + i;
            stock.put(items[i], UNITS_PER_ITEM);
        }
    }

    /** Moves up to {@code units} from one shared item to another. */
    void move(int from, int to, int units) {
        synchronized (stock) {
            int available = stock.get(items[from]);
            int moved = Math.min(available, units);
            stock.put(items[from], available - moved);
            stock.put(items[to], stock.get(items[to]) + moved);
        }
    }

    /** Lists {@code sku} if it is not in stock, else delists it; true when it was listed. */
    boolean toggle(String sku) {
        synchronized (stock) {
            if (stock.remove(sku) != null) {
                return false;
            }
            stock.put(sku, 0);
            return true;
        }
    }

    /** Units of the shared items, and how many items are in stock, read in one region. */
    long[] count() {
        synchronized (stock) {
            long units = 0;
            for (String item : items) {
                units += stock.get(item);
            }
            return new long[] {units, stock.size()};
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SampleArgs options = SampleArgs.of("Inventory")
                .option("threads", Runtime.getRuntime().availableProcessors(), "worker threads")
                .option("seconds", 3, "how long the workers run")
                .option("items", 4_096, "number of shared items")
                .option("listings", 10, "percent of operations that list or delist an item of the worker's own")
                .parse(args);
        int threads = options.positiveInt("threads");
        long nanos = options.seconds("seconds");
        int itemCount = options.positiveInt("items");
        int listings = options.percent("listings");
        Inventory inventory = new Inventory(itemCount);
        long[] operations = new long[threads];
        int[] listed = new int[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers[t] = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long end = System.nanoTime() + nanos;
                long done = 0;
                while (System.nanoTime() < end) {
                    if (random.nextInt(100) < listings) {
                        listed[worker] += inventory.toggle("own-" + worker + "-" + random.nextInt(256)) ? 1 : -1;
                    } else {
                        inventory.move(random.nextInt(itemCount), random.nextInt(itemCount), 1 + random.nextInt(10));
                    }
                    done++;
                }
                operations[worker] = done;
            }, "worker-" + t);
            workers[t].start();
        }
        long total = 0;
        int ownItems = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += operations[t];
            ownItems += listed[t];
        }
        long[] counted = inventory.count();
        System.out.printf(Locale.ROOT, "Inventory: %,d shared items, %d threads, %,d operations in %.1f s (%,.0f per ms)%n",
                itemCount, threads, total, nanos / 1e9, total / (nanos / 1e6));
        long expectedUnits = (long) itemCount * UNITS_PER_ITEM;
        System.out.printf(Locale.ROOT, "units in stock: %,d of %,d; items listed by the workers: %,d of %,d%n",
                counted[0], expectedUnits, counted[1] - itemCount, ownItems);
        if (counted[0] != expectedUnits || counted[1] - itemCount != ownItems) {
            System.out.println("FAILED: stock was lost or invented");
            System.exit(1);
        }
        System.out.println("verified: no unit lost or invented, every worker's listed items in stock");
    }
}
