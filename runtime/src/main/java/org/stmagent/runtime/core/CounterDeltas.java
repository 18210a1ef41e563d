package org.stmagent.runtime.core;

import java.util.Arrays;

/**
 * Increments of counters ({@code int} fields such as {@code HashMap.size} and {@code modCount}, the
 * {@code long} cells of a {@code ConflictFreeCounter}) that an attempt has not
 * applied yet: they commute with other transactions' increments, so they are added to the committed
 * value at commit, under the field's orec, instead of conflicting on it. A few entries at most; kept
 * across attempts.
 */
final class CounterDeltas {
    private Object[] holders = new Object[4];
    private long[] offsets = new long[4];
    private byte[] kinds = new byte[4];
    private long[] deltas = new long[4];
    private int[] sites = new int[4];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Adds {@code delta} to the location's pending increment; returns the pending increment now. */
    long add(Object holder, long offset, byte kind, long delta, int site) {
        int i = indexOf(holder, offset);
        if (i < 0) {
            if (size == holders.length) {
                grow();
            }
            i = size++;
            holders[i] = holder;
            offsets[i] = offset;
            kinds[i] = kind;
            deltas[i] = 0;
            sites[i] = site;
        }
        deltas[i] += delta;
        return deltas[i];
    }

    /** Where the location's pending increment is, or -1 when it has none. */
    int indexOf(Object holder, long offset) {
        for (int i = 0; i < size; i++) {
            if (holders[i] == holder && offsets[i] == offset) {
                return i;
            }
        }
        return -1;
    }

    /** Removes the pending increment at {@code i} and returns it. */
    long removeAt(int i) {
        long delta = deltas[i];
        size--;
        holders[i] = holders[size];
        offsets[i] = offsets[size];
        kinds[i] = kinds[size];
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

    byte kind(int i) {
        return kinds[i];
    }

    long delta(int i) {
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

    private void grow() {
        int capacity = holders.length * 2;
        holders = Arrays.copyOf(holders, capacity);
        offsets = Arrays.copyOf(offsets, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        deltas = Arrays.copyOf(deltas, capacity);
        sites = Arrays.copyOf(sites, capacity);
    }
}
