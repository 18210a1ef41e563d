package org.stmagent.benchmarks.workload.hashmap;

import static org.stmagent.benchmarks.workload.hashmap.Probing.EMPTY;

import java.util.Arrays;

/** An open-addressing hash map ({@link Probing}) with no synchronization: the callers hold a lock. */
public final class OpenAddressingMap implements IntMap {
    private final long[] slots;
    private final int mask;
    private int size;

    /** {@code capacity}: a power of two above the number of keys the map will ever hold. */
    public OpenAddressingMap(int capacity) {
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    @Override
    public int get(int key) {
        int index = indexOf(key);
        return index < 0 ? -1 : Probing.valueOf(slots[index]);
    }

    @Override
    public boolean put(int key, int value) {
        int i = Probing.home(key, mask);
        while (slots[i] != EMPTY && Probing.keyOf(slots[i]) != key) {
            i = i + 1 & mask;
        }
        boolean added = slots[i] == EMPTY;
        slots[i] = Probing.pack(key, value);
        if (added) {
            size++;
        }
        return added;
    }

    @Override
    public boolean remove(int key) {
        int hole = indexOf(key);
        if (hole < 0) {
            return false;
        }
        for (int i = hole + 1 & mask; slots[i] != EMPTY; i = i + 1 & mask) {
            if (Probing.mayFill(hole, i, slots[i], mask)) {
                slots[hole] = slots[i];
                hole = i;
            }
        }
        slots[hole] = EMPTY;
        size--;
        return true;
    }

    private int indexOf(int key) {
        for (int i = Probing.home(key, mask); slots[i] != EMPTY; i = i + 1 & mask) {
            if (Probing.keyOf(slots[i]) == key) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int checkedSize(int keyRange) {
        return Probing.checkedSize(slots.length, i -> slots[i], size, keyRange);
    }
}
