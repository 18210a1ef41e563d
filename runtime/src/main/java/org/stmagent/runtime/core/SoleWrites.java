package org.stmagent.runtime.core;

import org.agrona.UnsafeApi;

/**
 * For each data orec, the one location that every commit to it since some version wrote, when
 * there is one: validation by orec then tells two locations under one orec apart even when the
 * commit rings no longer hold the commits in between (a reader descheduled for milliseconds while
 * other threads committed more than a ring keeps).
 *
 * <p>A record is two {@code long}s side by side: the orec version it was written for, and the
 * location's fingerprint above how many versions back the run of commits that wrote only it
 * starts. A commit writes the records of the orecs it wrote while it still holds them, just
 * before it releases them; a record whose version is not the orec's (a path that did not write
 * it, such as the inevitable transaction's) says nothing, so a missing update only costs a false
 * conflict. Commits keep records only once some validation has found the rings unable to tell
 * ({@link #wanted}): a program whose readers never fall that far behind (one thread, short
 * transactions) does not pay a store on another cache line per orec written.
 */
final class SoleWrites {
    private static final long[] RECORDS = new long[2 << Orecs.DATA_BITS];
    private static final long BASE = UnsafeApi.arrayBaseOffset(long[].class);
    private static final long MAX_RUN = 0xFFFF_FFFFL;
    /** Set, for good, by the first validation the commit rings could not answer. */
    private static volatile boolean kept;

    private SoleWrites() {
    }

    /** Whether commits keep records: some reader has needed them. */
    static boolean kept() {
        return kept;
    }

    /** A validation found the commit rings unable to tell: commits keep records from now on. */
    static void wanted() {
        if (!kept) {
            kept = true;
        }
    }

    /**
     * A commit at {@code version} that holds {@code orec}, whose version was {@code previous}
     * before, wrote {@code location} alone there ({@link Orecs#ANY_LOCATION}: several, or unknown).
     */
    static void committed(int orec, int location, long previous, long version) {
        if (Orecs.isMonitorIndex(orec)) {
            return;
        }
        int at = orec << 1;
        long since = previous;
        long record = RECORDS[at + 1];
        if (RECORDS[at] == previous && location != Orecs.ANY_LOCATION && (int) (record >>> 32) == location) {
            since = previous - (record & MAX_RUN); // the commits before wrote only this location too
        }
        long run = version - since;
        // plain stores: the release of the orec that follows publishes them
        RECORDS[at] = version;
        RECORDS[at + 1] = location == Orecs.ANY_LOCATION || run > MAX_RUN ? 0L : (long) location << 32 | run;
    }

    /**
     * Whether a read of {@code location} under {@code orec}, made at {@code snapshot} or before, is
     * still current although the orec, now at the unlocked {@code word}, was written after the
     * snapshot: every commit to it since then wrote one other location.
     */
    static boolean untouchedSince(int orec, long word, int location, long snapshot) {
        if (location == Orecs.ANY_LOCATION || Orecs.isMonitorIndex(orec)) {
            return false;
        }
        long at = BASE + ((long) orec << 4);
        long version = UnsafeApi.getLongVolatile(RECORDS, at);
        long record = UnsafeApi.getLongVolatile(RECORDS, at + 8);
        UnsafeApi.loadFence();
        if (Orecs.get(orec) != word || version != Orecs.version(word)) {
            return false; // written since the record, or by a commit that wrote none
        }
        int written = (int) (record >>> 32);
        return written != Orecs.ANY_LOCATION && written != location && version - (record & MAX_RUN) <= snapshot;
    }
}
