package org.stmagent.benchmarks.workload.hashmap;

/** A map from non-negative {@code int} keys to non-negative {@code int} values. */
public interface IntMap {
    /** The value of the key, or -1 if it is absent. */
    int get(int key);

    /** Maps the key to the value; true if the key was absent before. */
    boolean put(int key, int value);

    /** Removes the key; false if it was absent. */
    boolean remove(int key);

    /**
     * Checks the structure (see {@link Probing#checkedSize}) and returns the number of keys; throws
     * {@link IllegalStateException} if it is broken. Called when no other thread uses the map.
     */
    int checkedSize(int keyRange);
}
