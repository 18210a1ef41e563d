package org.stmagent.runtime;

import org.agrona.UnsafeApi;

/**
 * A ring of the most recent commits: for each version, the orecs that commit wrote (when there were
 * few). Validation from one snapshot to a later one then costs the writes committed in between,
 * not the size of the read set: a long reader next to short writers checks a handful of orecs per
 * clock step instead of revalidating everything it read.
 *
 * <p>Each entry takes two cache lines of its own: the version (published last, with release) and
 * the count followed by up to {@value #CAPACITY} orec indices. A writer publishes its entry right
 * after drawing its version, before it writes back; a reader that needs version v waits the few
 * nanoseconds until v's entry appears. An entry found overwritten by a newer version, a commit that
 * wrote more than {@value #CAPACITY} orecs, or a range longer than half the ring sends the reader
 * to full validation instead.
 */
final class CommitLog {
    /** Orec indices an entry can hold. */
    static final int CAPACITY = 15;
    private static final int ENTRIES = 1024;
    private static final int MASK = ENTRIES - 1;
    private static final int VERSION_STRIDE = 8; // longs per entry: one cache line
    private static final int OREC_STRIDE = 16;   // ints per entry: one cache line
    private static final int MANY = -1;

    private static final long[] VERSIONS = new long[(ENTRIES + 1) * VERSION_STRIDE];
    // what each logged orec was, for the conflict report: the written holder's class and offset,
    // and the site of the write
    private static final Class<?>[] HOLDER_TYPES = new Class<?>[ENTRIES * CAPACITY];
    private static final long[] HOLDER_OFFSETS = new long[ENTRIES * CAPACITY];
    private static final int[] WRITE_SITES = new int[ENTRIES * CAPACITY];
    private static final int[] OREC_LISTS = new int[(ENTRIES + 1) * OREC_STRIDE];
    private static final long VERSION_BASE = UnsafeApi.arrayBaseOffset(long[].class) + VERSION_STRIDE * 8L;
    private static final long OREC_BASE = UnsafeApi.arrayBaseOffset(int[].class) + OREC_STRIDE * 4L;

    private CommitLog() {
    }

    /** Records what the commit with {@code version} wrote (nothing, for a failed commit). */
    static void publish(long version, WriteLog writes, boolean wroteNothing) {
        int entry = (int) version & MASK;
        long orecs = OREC_BASE + (long) entry * OREC_STRIDE * 4;
        int locks = wroteNothing ? 0 : writes.lockCount();
        int count = 0;
        for (int i = 0; i < locks && count != MANY; i++) {
            if (!writes.written(i)) {
                continue; // locked by the inevitable transaction to read: nothing changed there
            }
            if (count == CAPACITY) {
                count = MANY;
                break;
            }
            UnsafeApi.putInt(OREC_LISTS, orecs + 4L * (count + 1), writes.lockedOrec(i));
            HOLDER_TYPES[entry * CAPACITY + count] = writes.lockedType(i);
            HOLDER_OFFSETS[entry * CAPACITY + count] = writes.lockedOffset(i);
            WRITE_SITES[entry * CAPACITY + count] = writes.lockSite(i);
            count++;
        }
        UnsafeApi.putInt(OREC_LISTS, orecs, count);
        UnsafeApi.putLongRelease(VERSIONS, versionAddress(entry), version);
    }

    /**
     * Whether no commit with a version in {@code (from, to]} wrote an orec in {@code reads}.
     * Returns {@code null} when the ring cannot tell, and the caller must validate in full.
     */
    static Boolean untouchedBetween(long from, long to, ReadSet reads, Segment reader) {
        if (to - from > ENTRIES / 2) {
            return null;
        }
        for (long v = from + 1; v <= to; v++) {
            int entry = (int) v & MASK;
            long address = versionAddress(entry);
            long seen;
            int round = 0;
            while ((seen = UnsafeApi.getLongVolatile(VERSIONS, address)) < v) {
                round = Spin.pause(round); // drawn but not yet published: a matter of nanoseconds
            }
            if (seen != v) {
                return null;
            }
            long orecs = OREC_BASE + (long) entry * OREC_STRIDE * 4;
            int count = UnsafeApi.getInt(OREC_LISTS, orecs);
            if (count == MANY) {
                return null;
            }
            for (int i = 0; i < count; i++) {
                int orec = UnsafeApi.getInt(OREC_LISTS, orecs + 4L * (i + 1));
                if (reads.contains(orec)) {
                    if (reader != null) {
                        reader.readWasOverwritten(orec);
                    }
                    return Boolean.FALSE;
                }
            }
            UnsafeApi.loadFence();
            if (UnsafeApi.getLongVolatile(VERSIONS, address) != v) {
                return null; // overwritten while read
            }
        }
        return Boolean.TRUE;
    }

    /**
     * Where the newest logged commit up to {@code newest} that wrote {@code orec} keeps what it
     * wrote, searched back at most half the ring; -1 when none is found. For the conflict report:
     * racy by design (the ring moves on), so a wrong or missing answer only blurs the report.
     */
    static int findWrite(int orec, long newest) {
        for (long v = newest; v > newest - ENTRIES / 2 && v > 0; v--) {
            int entry = (int) v & MASK;
            if (UnsafeApi.getLongVolatile(VERSIONS, versionAddress(entry)) != v) {
                continue;
            }
            long orecs = OREC_BASE + (long) entry * OREC_STRIDE * 4;
            int count = UnsafeApi.getInt(OREC_LISTS, orecs);
            for (int i = 0; i < count && i < CAPACITY; i++) {
                if (UnsafeApi.getInt(OREC_LISTS, orecs + 4L * (i + 1)) == orec) {
                    return entry * CAPACITY + i;
                }
            }
        }
        return -1;
    }

    /** The location a write found by {@link #findWrite} went to. */
    static ConflictLocation locationOf(int write) {
        if (write < 0) {
            return ConflictLocation.UNKNOWN;
        }
        Class<?> type = HOLDER_TYPES[write];
        long offset = HOLDER_OFFSETS[write];
        boolean isStatic = offset < 0;
        return ConflictLocation.of(type, isStatic ? -1 - offset : offset, isStatic);
    }

    /** The site of a write found by {@link #findWrite}. */
    static int siteOf(int write) {
        return write < 0 ? Sites.UNKNOWN : WRITE_SITES[write];
    }

    private static long versionAddress(int entry) {
        return VERSION_BASE + (long) entry * VERSION_STRIDE * 8;
    }
}
