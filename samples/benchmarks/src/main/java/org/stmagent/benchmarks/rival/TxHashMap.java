package org.stmagent.benchmarks.rival;

import static org.stmagent.benchmarks.workload.hashmap.Probing.EMPTY;

import org.stmagent.benchmarks.workload.hashmap.IntMap;
import org.stmagent.benchmarks.workload.hashmap.Probing;

/**
 * The open-addressing map of {@link org.stmagent.benchmarks.workload.hashmap.OpenAddressingMap} on a
 * {@link RivalStm}: every slot and the size a cell, each operation one atomic block.
 */
public final class TxHashMap implements IntMap {
    private final RivalStm stm;
    private final TxLong[] slots;
    private final TxLong size;
    private final int mask;

    /** {@code capacity}: a power of two above the number of keys the map will ever hold. */
    public TxHashMap(RivalStm stm, int capacity) {
        this.stm = stm;
        slots = new TxLong[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = stm.newLong(EMPTY);
        }
        size = stm.newLong(0);
        mask = capacity - 1;
    }

    @Override
    public int get(int key) {
        return (int) stm.atomicLong(() -> {
            for (int i = Probing.home(key, mask); ; i = i + 1 & mask) {
                long slot = slots[i].get();
                if (slot == EMPTY) {
                    return -1;
                }
                if (Probing.keyOf(slot) == key) {
                    return Probing.valueOf(slot);
                }
            }
        });
    }

    @Override
    public boolean put(int key, int value) {
        return stm.atomicBoolean(() -> {
            int i = Probing.home(key, mask);
            long slot = slots[i].getForUpdate();
            while (slot != EMPTY && Probing.keyOf(slot) != key) {
                i = i + 1 & mask;
                slot = slots[i].getForUpdate();
            }
            slots[i].set(Probing.pack(key, value));
            if (slot == EMPTY) {
                size.set(size.get() + 1);
                return true;
            }
            return false;
        });
    }

    @Override
    public boolean remove(int key) {
        return stm.atomicBoolean(() -> {
            int hole = Probing.home(key, mask);
            long slot = slots[hole].getForUpdate();
            while (slot != EMPTY && Probing.keyOf(slot) != key) {
                hole = hole + 1 & mask;
                slot = slots[hole].getForUpdate();
            }
            if (slot == EMPTY) {
                return false;
            }
            for (int i = hole + 1 & mask; (slot = slots[i].getForUpdate()) != EMPTY; i = i + 1 & mask) {
                if (Probing.mayFill(hole, i, slot, mask)) {
                    slots[hole].set(slot);
                    hole = i;
                }
            }
            slots[hole].set(EMPTY);
            size.set(size.get() - 1);
            return true;
        });
    }

    @Override
    public int checkedSize(int keyRange) {
        return (int) stm.atomicLong(() -> Probing.checkedSize(slots.length, i -> slots[i].get(), (int) size.get(), keyRange));
    }
}
