package org.stmagent.benchmarks.suite;

import java.util.List;

import org.stmagent.benchmarks.rival.TxHashMap;
import org.stmagent.benchmarks.workload.hashmap.AtomicIntMap;
import org.stmagent.benchmarks.workload.hashmap.ConcurrentIntMap;
import org.stmagent.benchmarks.workload.hashmap.IntMap;
import org.stmagent.benchmarks.workload.hashmap.OpenAddressingMap;
import org.stmagent.benchmarks.workload.hashmap.ReentrantLockIntMap;
import org.stmagent.benchmarks.workload.hashmap.SynchronizedIntMap;

/**
 * Gets (80%), puts (10%) and removes (10%) of random keys in a map that starts half full, with twice
 * as many slots as keys. Invariant: the probe structure is valid and the map holds as many keys as
 * its size says, and as it started with plus those added less those removed.
 */
final class HashMapWorkload implements Workload {
    private final IntMap map;
    private final int keyRange;
    private final ExpectedCount expected;

    HashMapWorkload(IntMap map, int keyRange, int threads) {
        this.map = map;
        this.keyRange = keyRange;
        int[] keys = Prefill.halfOfKeys(keyRange);
        expected = new ExpectedCount(threads, keys.length);
        for (int key : keys) {
            map.put(key, key);
        }
    }

    static HashMapWorkload create(Variant variant, int keyRange, int threads) {
        return new HashMapWorkload(map(variant, 2 * Integer.highestOneBit(keyRange)), keyRange, threads);
    }

    private static IntMap map(Variant variant, int capacity) {
        switch (variant) {
            case SYNCHRONIZED:
            case STM_AGENT:
                return new SynchronizedIntMap(capacity);
            case STM_AGENT_ATOMIC:
                return new AtomicIntMap(capacity);
            case REENTRANT_LOCK:
                return new ReentrantLockIntMap(capacity);
            case CEILING:
                return new ConcurrentIntMap(capacity);
            default:
                return new TxHashMap(variant.rivalStm(), capacity);
        }
    }

    @Override
    public long operate(Worker worker) {
        int key = worker.nextInt(keyRange);
        int dice = worker.nextInt(100);
        if (dice < 80) {
            return map.get(key);
        }
        if (dice < 90) {
            if (map.put(key, dice)) {
                expected.add(worker, 1);
            }
        } else if (map.remove(key)) {
            expected.add(worker, -1);
        }
        return key;
    }

    @Override
    public void verify() {
        expected.require(map.checkedSize(keyRange), "hash map");
    }

    @Override
    public List<Class<?>> sourceClasses() {
        return List.of(SynchronizedIntMap.class, AtomicIntMap.class, OpenAddressingMap.class);
    }
}
