package org.stmagent.runtime.core;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.stats.ConflictLocation;
import org.stmagent.runtime.stats.Sites;

/**
 * The most recent commits made in one segment slot: for each, its version and the orecs it wrote
 * (when there were few). Only the thread holding the slot writes it, so a commit writes no cache
 * line that other committers write; a transaction extending its snapshot reads the rings of the
 * other slots ({@link CommitLog}) and checks the writes committed in between instead of
 * revalidating everything it read.
 *
 * <p>An entry is one cache line: the version (published last, with release), the count, and up to
 * {@value #CAPACITY} orec indices, two to a long. The ring's head (how many entries were published)
 * is on a line of its own. A commit that wrote more orecs (a large update) also logs every orec it
 * wrote in the ring's overflow, a circular log of {@value #OVERFLOW} orecs with their locations,
 * and its entry says where. An entry found overwritten while read, overflow found reused while
 * read, or a commit that wrote more than {@value #OVERFLOW} orecs, makes the ring answer "cannot tell".
 */
final class CommitRing {
    /** Orec indices an entry can hold. */
    static final int CAPACITY = 12;
    /**
     * Commits a ring keeps: a reader descheduled for a few milliseconds while another thread
     * commits a thousand transactions must still find what they wrote, or its validation falls
     * back to whole orecs, where locations sharing one conflict (about 300 KB a slot).
     */
    static final int ENTRIES = 1024;
    private static final int MASK = ENTRIES - 1;
    private static final int STRIDE = 8; // longs per entry: one cache line
    private static final int MANY = -1;
    private static final long BASE = UnsafeApi.arrayBaseOffset(long[].class);
    private static final long HEAD = BASE + STRIDE * 8L; // line 1; entries start at line 2
    /** Beside the head: how far the overflow is claimed, stored before the orecs go in. */
    private static final long OVERFLOW_CLAIMED = HEAD + 8;
    static final int OVERFLOW = 4096;
    private static final int OVERFLOW_MASK = OVERFLOW - 1;
    private static final int COUNT_BITS = 16;

    private final long[] lines = new long[(ENTRIES + 3) * STRIDE];
    // what each logged orec was, for the conflict report: the written holder's class and offset,
    // and the site of the write
    private final Class<?>[] holderTypes = new Class<?>[ENTRIES * CAPACITY];
    private final long[] holderOffsets = new long[ENTRIES * CAPACITY];
    private final int[] writeSites = new int[ENTRIES * CAPACITY];
    /** Each logged orec's written location ({@link Orecs#hash}), or {@link Orecs#ANY_LOCATION} for several. */
    private final int[] writtenLocations = new int[ENTRIES * CAPACITY];
    /** The overflow: orec and location of each write of the large commits, one long each. */
    private final long[] overflow = new long[OVERFLOW];

    private static long entryAddress(long entry) {
        return BASE + (2 + (entry & MASK)) * STRIDE * 8L;
    }

    /** Entries published so far. */
    private long head() {
        return UnsafeApi.getLongVolatile(lines, HEAD);
    }

    /**
     * Records what the commit with {@code version} wrote, and with {@code withReadLocks} also what
     * it had locked to read; the caller holds this ring's slot.
     */
    void publish(long version, WriteLog writes, boolean withReadLocks) {
        long head = UnsafeApi.getLong(lines, HEAD);
        long at = entryAddress(head);
        int entry = (int) (head & MASK);
        UnsafeApi.putLongRelease(lines, at, 0L); // readers of the old entry see it change
        int count = 0;
        for (int i = 0, n = writes.lockCount(); i < n; i++) {
            if (!withReadLocks && !writes.written(i)) {
                continue; // locked by the inevitable transaction to read: nothing changed there
            }
            if (count == CAPACITY) {
                UnsafeApi.putLong(lines, at + 8, overflowed(writes, withReadLocks));
                UnsafeApi.putLongRelease(lines, at, version);
                UnsafeApi.putLongRelease(lines, HEAD, head + 1);
                return;
            }
            putOrec(at, count, writes.lockedOrec(i));
            int report = entry * CAPACITY + count;
            Class<?> type = writes.lockedType(i);
            if (holderTypes[report] != type) {
                holderTypes[report] = type; // most entries keep the type they had: no GC write barrier then
            }
            holderOffsets[report] = writes.lockedOffset(i);
            writeSites[report] = writes.lockSite(i);
            writtenLocations[report] = writes.lockLocation(i);
            count++;
        }
        UnsafeApi.putLong(lines, at + 8, count);
        UnsafeApi.putLongRelease(lines, at, version);
        UnsafeApi.putLongRelease(lines, HEAD, head + 1);
    }

    /**
     * Logs every orec a large commit wrote in the overflow; returns its entry's count word:
     * where the orecs start, above how many there are; or MANY when they do not fit.
     */
    private long overflowed(WriteLog writes, boolean withReadLocks) {
        int n = 0;
        for (int i = 0, k = writes.lockCount(); i < k; i++) {
            if (withReadLocks || writes.written(i)) {
                n++;
            }
        }
        if (n > OVERFLOW) {
            return MANY;
        }
        long start = UnsafeApi.getLong(lines, OVERFLOW_CLAIMED);
        // claimed before the orecs go in: a reader that saw a reused place sees the claim after it
        UnsafeApi.putLongVolatile(lines, OVERFLOW_CLAIMED, start + n);
        long at = start;
        for (int i = 0, k = writes.lockCount(); i < k; i++) {
            if (withReadLocks || writes.written(i)) {
                overflow[(int) (at++ & OVERFLOW_MASK)] = (long) writes.lockLocation(i) << 32 | (writes.lockedOrec(i) & 0xFFFF_FFFFL);
            }
        }
        return start << COUNT_BITS | n;
    }

    /**
     * Whether the large commit whose count word is {@code count} wrote a location in
     * {@code reads}; null when its overflow was reused while read.
     */
    private Boolean overflowMeets(long count, ReadSet reads, Segment reader) {
        long start = count >>> COUNT_BITS;
        int n = (int) (count & ((1 << COUNT_BITS) - 1));
        for (int i = 0; i < n; i++) {
            long write = overflow[(int) ((start + i) & OVERFLOW_MASK)];
            int orec = (int) write;
            if (reads.mayHaveRead(orec, (int) (write >>> 32))) {
                UnsafeApi.loadFence();
                if (UnsafeApi.getLongVolatile(lines, OVERFLOW_CLAIMED) - start > OVERFLOW) {
                    return null;
                }
                if (reader != null) {
                    reader.notes.readWasOverwritten(orec);
                }
                return Boolean.FALSE;
            }
        }
        UnsafeApi.loadFence();
        return UnsafeApi.getLongVolatile(lines, OVERFLOW_CLAIMED) - start > OVERFLOW ? null : Boolean.TRUE;
    }

    /** Records a monitor switched to plain mode at {@code version}: its signal word counts as written. */
    void publishSignal(long version, int orec, Class<?> monitorType) {
        long head = UnsafeApi.getLong(lines, HEAD);
        long at = entryAddress(head);
        int report = (int) (head & MASK) * CAPACITY;
        UnsafeApi.putLongRelease(lines, at, 0L);
        putOrec(at, 0, orec);
        holderTypes[report] = monitorType;
        holderOffsets[report] = ConflictLocation.MONITOR_WORD;
        writeSites[report] = Sites.MONITOR;
        writtenLocations[report] = Orecs.ANY_LOCATION;
        UnsafeApi.putLong(lines, at + 8, 1);
        UnsafeApi.putLongRelease(lines, at, version);
        UnsafeApi.putLongRelease(lines, HEAD, head + 1);
    }

    private void putOrec(long entryAt, int i, int orec) {
        UnsafeApi.putInt(lines, entryAt + 16 + 4L * i, orec);
    }

    private int orec(long entryAt, int i) {
        return UnsafeApi.getInt(lines, entryAt + 16 + 4L * i);
    }

    /** Waits until the commit with {@code version}, whose write-back marker this ring's slot shows, has its entry. */
    void awaitEntry(long version) {
        int round = 0;
        while (true) {
            long head = head();
            if (head > 0 && UnsafeApi.getLongVolatile(lines, entryAddress(head - 1)) >= version) {
                return;
            }
            round = Spin.pause(round);
        }
    }

    /**
     * Whether no commit of this ring with a version in {@code (from, to]} wrote a location in
     * {@code reads} (an orec read, unless the fingerprints tell the locations apart); {@code null}
     * when the ring cannot tell.
     */
    Boolean untouchedBetween(long from, long to, ReadSet reads, Segment reader) {
        long head = head();
        for (long e = head - 1; e >= 0; e--) {
            if (head - e > ENTRIES) {
                return null; // older commits of the range are gone
            }
            long at = entryAddress(e);
            long version = UnsafeApi.getLongVolatile(lines, at);
            if (version == 0L) {
                return null; // being overwritten
            }
            if (version <= from) {
                return Boolean.TRUE; // entries are in version order
            }
            if (version > to) {
                continue;
            }
            long countWord = UnsafeApi.getLong(lines, at + 8);
            if (countWord == MANY) {
                return null;
            }
            if (countWord > CAPACITY) {
                Boolean untouched = overflowMeets(countWord, reads, reader);
                if (untouched != Boolean.TRUE) {
                    return untouched;
                }
                UnsafeApi.loadFence();
                if (UnsafeApi.getLongVolatile(lines, at) != version) {
                    return null; // overwritten while read
                }
                continue;
            }
            int count = (int) countWord;
            int entry = (int) (e & MASK) * CAPACITY;
            for (int i = 0; i < count; i++) {
                int orec = orec(at, i);
                if (reads.mayHaveRead(orec, writtenLocations[entry + i])) {
                    if (reader != null) {
                        reader.notes.readWasOverwritten(orec);
                    }
                    return Boolean.FALSE;
                }
            }
            UnsafeApi.loadFence();
            if (UnsafeApi.getLongVolatile(lines, at) != version) {
                return null; // overwritten while read
            }
        }
        return Boolean.TRUE;
    }

    /**
     * Where the newest logged commit up to {@code newest} that wrote {@code orec} keeps what it
     * wrote, or -1. For the conflict report: racy by design, so a wrong answer only blurs it.
     * Sets nothing; {@link #versionOfWrite} tells how new the answer is.
     */
    int findWrite(int orec, long newest) {
        long head = head();
        for (long e = head - 1; e >= 0 && head - e <= ENTRIES; e--) {
            long at = entryAddress(e);
            long version = UnsafeApi.getLongVolatile(lines, at);
            if (version == 0L || version > newest) {
                continue;
            }
            long countWord = UnsafeApi.getLong(lines, at + 8);
            int count = countWord > CAPACITY || countWord == MANY ? CAPACITY : (int) countWord;
            for (int i = 0; i < count; i++) {
                if (orec(at, i) == orec) {
                    return (int) (e & MASK) * CAPACITY + i;
                }
            }
        }
        return -1;
    }

    /** The version of the entry a write found by {@link #findWrite} belongs to. */
    long versionOfWrite(int write) {
        return UnsafeApi.getLongVolatile(lines, entryAddress(write / CAPACITY));
    }

    /** The location a write found by {@link #findWrite} went to. */
    ConflictLocation locationOf(int write) {
        Class<?> type = holderTypes[write];
        long offset = holderOffsets[write];
        boolean isStatic = offset < 0;
        return ConflictLocation.of(type, isStatic ? -1 - offset : offset, isStatic);
    }

    int siteOf(int write) {
        return writeSites[write];
    }
}
