package org.stmagent.benchmarks.workload.intset;

/** The structural checks every set implementation shares. */
public final class SetChecks {
    private SetChecks() {
    }

    /** Throws unless {@code key} follows {@code previous} in strictly ascending order within [0, keyRange). */
    public static void requireAscending(int previous, int key, int keyRange) {
        if (key <= previous || key < 0 || key >= keyRange) {
            throw new IllegalStateException("set broken: key " + key + " after " + previous + " (key range " + keyRange + ")");
        }
    }

    /** Throws unless a skip list node of this key and height may be linked on this level. */
    public static void requireSkipListNode(int key, int height, int level) {
        if (height != SkipList.height(key) || height <= level) {
            throw new IllegalStateException("skip list broken: key " + key + " of height " + height + " on level " + level);
        }
    }

    /** Throws unless a skip list level holds at least as many keys as the level above it. */
    public static void requireLevelCount(int count, int countAbove, int level) {
        if (count < countAbove) {
            throw new IllegalStateException("skip list broken: level " + level + " holds fewer keys than the level above");
        }
    }
}
