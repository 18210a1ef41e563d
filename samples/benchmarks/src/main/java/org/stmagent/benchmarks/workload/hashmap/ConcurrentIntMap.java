package org.stmagent.benchmarks.workload.hashmap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The hand-tuned map: {@link ConcurrentHashMap}, what a Java programmer would pick. */
public final class ConcurrentIntMap implements IntMap {
    private final ConcurrentHashMap<Integer, Integer> map;

    public ConcurrentIntMap(int capacity) {
        map = new ConcurrentHashMap<>(capacity);
    }

    @Override
    public int get(int key) {
        return map.getOrDefault(key, -1);
    }

    @Override
    public boolean put(int key, int value) {
        return map.put(key, value) == null;
    }

    @Override
    public boolean remove(int key) {
        return map.remove(key) != null;
    }

    @Override
    public int checkedSize(int keyRange) {
        for (Map.Entry<Integer, Integer> entry : map.entrySet()) {
            if (entry.getKey() < 0 || entry.getKey() >= keyRange || entry.getValue() < 0) {
                throw new IllegalStateException("hash map broken: entry " + entry);
            }
        }
        return map.size();
    }
}
