package org.stmagent.runtime.core;

import java.util.Arrays;

/**
 * Increments of counter fields ({@code HashMap.size}, {@code modCount}) that an attempt has not
 * applied yet: they commute with other transactions' increments, so they are added to the committed
 * value at commit, under the field's orec, instead of conflicting on it. A few entries at most; kept
 * across attempts.
 */
final class CounterDeltas {
    private Object[] holders = new Object[4];
    private long[] offsets = new long[4];
    private int[] deltas = new int[4];
    private int[] sites = new int[4];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Adds {@code delta} to the field's pending increment; returns the pending increment now. */
    int add(Object holder, long offset, int delta, int site) {
        int i = indexOf(holder, offset);
        if (i < 0) {
            if (size == holders.length) {
                grow();
            }
            i = size++;
            holders[i] = holder;
            offsets[i] = offset;
            deltas[i] = 0;
            sites[i] = site;
        }
        deltas[i] += delta;
        return deltas[i];
    }

    /** Removes the field's pending increment and returns it (0 when none). */
    int remove(Object holder, long offset) {
        int i = indexOf(holder, offset);
        if (i < 0) {
            return 0;
        }
        int delta = deltas[i];
        size--;
        holders[i] = holders[size];
        offsets[i] = offsets[size];
        deltas[i] = deltas[size];
        sites[i] = sites[size];
        holders[size] = null;
        return delta;
    }

    Object holder(int i) {
        return holders[i];
    }

    long offset(int i) {
        return offsets[i];
    }

    int delta(int i) {
        return deltas[i];
    }

    int site(int i) {
        return sites[i];
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(holders, 0, size, null);
            size = 0;
        }
    }

    private int indexOf(Object holder, long offset) {
        for (int i = 0; i < size; i++) {
            if (holders[i] == holder && offsets[i] == offset) {
                return i;
            }
        }
        return -1;
    }

    private void grow() {
        int capacity = holders.length * 2;
        holders = Arrays.copyOf(holders, capacity);
        offsets = Arrays.copyOf(offsets, capacity);
        deltas = Arrays.copyOf(deltas, capacity);
        sites = Arrays.copyOf(sites, capacity);
    }
}
