package org.stmagent.benchmarks.workload.intset;

/** A set of non-negative {@code int} keys. */
public interface IntSet {
    boolean contains(int key);

    /** Adds the key; false if it was already there. */
    boolean add(int key);

    /** Removes the key; false if it was not there. */
    boolean remove(int key);

    /**
     * Checks the structure (keys strictly ascending and below {@code keyRange}, links consistent) and
     * returns the number of keys; throws {@link IllegalStateException} if it is broken. Called when no
     * other thread uses the set.
     */
    int checkedSize(int keyRange);
}
