package org.stmagent.runtime;

import java.util.Arrays;

/** The orecs an attempt has read, for validation. Grows by doubling and keeps its array across attempts. */
final class ReadSet {
    private int[] orecs = new int[64];
    private int size;

    void add(int orec) {
        int n = size;
        if (n > 0 && orecs[n - 1] == orec) {
            return; // the common case of reading several fields of one object
        }
        if (n == orecs.length) {
            orecs = Arrays.copyOf(orecs, n * 2);
        }
        orecs[n] = orec;
        size = n + 1;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return orecs[i];
    }

    void clear() {
        size = 0;
    }
}
