package org.stmagent.benchmarks.workload.hashmap;

import java.util.function.IntToLongFunction;

/**
 * Linear probing over a power-of-two table of {@code long} slots, each holding a key and its value
 * packed together, or {@link #EMPTY}. Removal shifts later entries back instead of leaving
 * tombstones, so a key is always found between its home slot and the next empty slot.
 */
public final class Probing {
    public static final long EMPTY = -1;

    private Probing() {
    }

    public static long pack(int key, int value) {
        return (long) key << 32 | value & 0xFFFF_FFFFL;
    }

    public static int keyOf(long slot) {
        return (int) (slot >>> 32);
    }

    public static int valueOf(long slot) {
        return (int) slot;
    }

    public static int home(int key, int mask) {
        int h = key * 0x9E3779B1;
        return (h ^ h >>> 16) & mask;
    }

    /** Whether the entry in slot {@code index} may move back into the empty slot {@code hole}. */
    public static boolean mayFill(int hole, int index, long slot, int mask) {
        return (index - home(keyOf(slot), mask) & mask) >= (index - hole & mask);
    }

    /**
     * Checks that every entry has a key in [0, keyRange), that it is the first slot holding that key
     * on the probe path from the key's home, with no empty slot between, and that the entries number
     * {@code recordedSize}; returns that number.
     */
    public static int checkedSize(int capacity, IntToLongFunction slotAt, int recordedSize, int keyRange) {
        int mask = capacity - 1;
        int entries = 0;
        for (int index = 0; index < capacity; index++) {
            long slot = slotAt.applyAsLong(index);
            if (slot == EMPTY) {
                continue;
            }
            int key = keyOf(slot);
            if (key < 0 || key >= keyRange || firstSlotOnPath(key, capacity, slotAt) != index) {
                throw new IllegalStateException("hash map broken: key " + key + " in slot " + index
                        + " is out of range, unreachable from its home slot or held twice");
            }
            entries++;
        }
        if (entries != recordedSize) {
            throw new IllegalStateException("hash map broken: " + entries + " entries, size says " + recordedSize);
        }
        return entries;
    }

    private static int firstSlotOnPath(int key, int capacity, IntToLongFunction slotAt) {
        int mask = capacity - 1;
        for (int i = home(key, mask), probes = 0; probes < capacity; i = i + 1 & mask, probes++) {
            long slot = slotAt.applyAsLong(i);
            if (slot == EMPTY) {
                return -1;
            }
            if (keyOf(slot) == key) {
                return i;
            }
        }
        return -1;
    }
}
