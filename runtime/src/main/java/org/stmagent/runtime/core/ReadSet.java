package org.stmagent.runtime.core;

import java.util.Arrays;

import org.stmagent.runtime.stats.Recording;
import org.stmagent.runtime.stats.Sites;

/**
 * The orecs an attempt has read, for validation: a list in read order, plus a hash index built
 * lazily the first time membership is asked of a large set (extending a snapshot through the
 * {@link CommitLog}). Adding stays an array append. Everything is kept across attempts; clearing
 * the index is a generation bump. Each read keeps its location's fingerprint ({@link Orecs#hash}),
 * so that a commit that wrote another location under the same orec is no conflict, and the site
 * of the read, for the conflict report.
 */
final class ReadSet {
    private static final int LINEAR_LIMIT = 16;

    /** Each read as one long, its location's fingerprint above its orec: one store per read. */
    private long[] reads = new long[64];
    private int[] sites = new int[64];
    private int size;

    // the index: open addressing over orec + 1, valid where stamp == generation
    private int[] keys = new int[0];
    private int[] stamps = new int[0];
    private int generation = 1;
    private int indexed;

    void add(int orec, int location, int site) {
        int n = size;
        long read = (long) location << 32 | (orec & 0xFFFF_FFFFL);
        if (n > 0 && reads[n - 1] == read) {
            return; // the common case of reading one location again
        }
        if (n == reads.length) {
            reads = Arrays.copyOf(reads, n * 2);
            sites = Arrays.copyOf(sites, n * 2);
        }
        reads[n] = read;
        if (Recording.ON) {
            sites[n] = site;
        }
        size = n + 1;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return (int) reads[i];
    }

    /** The fingerprint of the location of read {@code i} ({@link Orecs#hash}). */
    int locationAt(int i) {
        return (int) (reads[i] >>> 32);
    }

    int siteAt(int i) {
        return sites[i];
    }

    /** The site of the first read under {@code orec}, or {@link Sites#UNKNOWN}: a linear search, for reports. */
    int siteOf(int orec) {
        for (int i = 0; i < size; i++) {
            if ((int) reads[i] == orec) {
                return sites[i];
            }
        }
        return Sites.UNKNOWN;
    }

    boolean contains(int orec) {
        if (size <= LINEAR_LIMIT) {
            for (int i = 0; i < size; i++) {
                if ((int) reads[i] == orec) {
                    return true;
                }
            }
            return false;
        }
        index();
        int mask = keys.length - 1;
        for (int i = mix(orec) & mask; stamps[i] == generation; i = (i + 1) & mask) {
            if (keys[i] == orec) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a read under {@code orec} may have been of the location a write with fingerprint
     * {@code written} went to ({@link Orecs#mayBeSameLocation}).
     */
    boolean mayHaveRead(int orec, int written) {
        if (!contains(orec)) {
            return false;
        }
        if (written == Orecs.ANY_LOCATION) {
            return true;
        }
        for (int i = 0; i < size; i++) { // the orec was read: rare enough to look at every read
            if ((int) reads[i] == orec && Orecs.mayBeSameLocation((int) (reads[i] >>> 32), written)) {
                return true;
            }
        }
        return false;
    }

    /** The set as an {@link OrecSummary}. */
    long summary() {
        int n = size;
        if (n > OrecSummary.FOLDED) {
            return OrecSummary.ANY;
        }
        long summary = 0;
        for (int i = 0; i < n; i++) {
            summary |= OrecSummary.bit((int) reads[i]);
        }
        return summary;
    }

    /**
     * Read by another thread while this set's attempt is frozen in its commit: whether it holds an
     * orec that {@code writes} wrote (with {@code readLocksToo}: locked, even only to read); true
     * when it holds more than {@code limit} orecs (not searched).
     */
    boolean intersects(WriteLog writes, int limit, boolean readLocksToo) {
        int n = size;
        if (n > limit) {
            return true;
        }
        long[] read = reads;
        n = Math.min(n, read.length);
        for (int e = 0, k = writes.lockCount(); e < k; e++) {
            if (!readLocksToo && !writes.written(e)) {
                continue;
            }
            int orec = writes.lockedOrec(e);
            for (int i = 0; i < n; i++) {
                if ((int) read[i] == orec) {
                    return true;
                }
            }
        }
        return false;
    }

    void clear() {
        size = 0;
        if (indexed > 0) {
            indexed = 0;
            if (++generation == 0) { // wrapped: stamps must not match by accident
                Arrays.fill(stamps, 0);
                generation = 1;
            }
        }
    }

    private void index() {
        if (size * 2 > keys.length) {
            keys = new int[Integer.highestOneBit(size * 4 - 1) << 1];
            stamps = new int[keys.length];
            indexed = 0;
            generation = 1;
        }
        int mask = keys.length - 1;
        for (; indexed < size; indexed++) {
            int orec = (int) reads[indexed];
            int i = mix(orec) & mask;
            while (stamps[i] == generation && keys[i] != orec) {
                i = (i + 1) & mask;
            }
            keys[i] = orec;
            stamps[i] = generation;
        }
    }

    private static int mix(int orec) {
        return orec * 0x9E3779B9 >>> 7;
    }
}
