package org.stmagent.benchmarks.workload;

import java.util.HashMap;
import java.util.Map;

/**
 * A counter per key in a {@code java.util.HashMap}, every update under one {@code synchronized}
 * lock, as an ordinary program writes it. Under the agent the block is a transaction whose
 * {@code get} and {@code put} run the JDK collections' twins (or make it inevitable with
 * {@code collections=false}).
 */
public final class LockedHashMap {
    private final Map<Integer, Long> counts = new HashMap<>();
    private final Integer[] keys;
    private final Object lock = new Object();

    public LockedHashMap(int keyCount) {
        keys = new Integer[keyCount];
        for (int k = 0; k < keyCount; k++) {
            keys[k] = k;
            counts.put(keys[k], 0L);
        }
    }

    /** Adds one to the count of key number {@code k}. */
    public void increment(int k) {
        Integer key = keys[k];
        synchronized (lock) {
            counts.put(key, counts.get(key) + 1);
        }
    }

    /**
     * Removes key {@code k} if present, else inserts it: every call changes the map's size. Keys
     * outside the counted ones, so that threads given disjoint ranges touch disjoint entries.
     */
    public void insertOrRemove(int k) {
        Integer key = -1 - k;
        synchronized (lock) {
            if (counts.remove(key) == null) {
                counts.put(key, 1L);
            }
        }
    }

    /** The sum of all counts. */
    public long total() {
        synchronized (lock) {
            long sum = 0;
            for (long c : counts.values()) {
                sum += c;
            }
            return sum;
        }
    }
}
