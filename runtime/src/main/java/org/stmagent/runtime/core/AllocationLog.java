package org.stmagent.runtime.core;

import java.util.Arrays;

/**
 * Objects the current attempt allocated. Nobody else can reach them before commit, so writes to
 * them go straight to memory with no orec and no redo entry; if the attempt aborts they become
 * garbage. An identity hash set with linear probing, kept across attempts.
 */
final class AllocationLog {
    private Object[] slots = new Object[32];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(Object object) {
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int mask = slots.length - 1;
        int i = System.identityHashCode(object) & mask;
        while (slots[i] != null) {
            if (slots[i] == object) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = object;
        size++;
    }

    boolean contains(Object object) {
        if (size == 0) {
            return false;
        }
        int mask = slots.length - 1;
        int i = System.identityHashCode(object) & mask;
        Object slot;
        while ((slot = slots[i]) != null) {
            if (slot == object) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, null);
            size = 0;
        }
    }

    private void rehash(int capacity) {
        Object[] old = slots;
        slots = new Object[capacity];
        size = 0;
        for (Object o : old) {
            if (o != null) {
                add(o);
            }
        }
    }
}
