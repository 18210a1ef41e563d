package org.stmagent.benchmarks.suite;

import java.util.Arrays;

/** The keys a half-full structure starts with: a fixed pseudo-random half of its key range. */
final class Prefill {
    private Prefill() {
    }

    static int[] halfOfKeys(int keyRange) {
        int[] keys = new int[keyRange];
        for (int i = 0; i < keyRange; i++) {
            keys[i] = i;
        }
        Worker shuffler = new Worker(keyRange);
        for (int i = keyRange - 1; i > 0; i--) {
            int j = shuffler.nextInt(i + 1);
            int swapped = keys[i];
            keys[i] = keys[j];
            keys[j] = swapped;
        }
        return Arrays.copyOf(keys, keyRange / 2);
    }
}
