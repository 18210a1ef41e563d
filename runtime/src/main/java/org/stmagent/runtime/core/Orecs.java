package org.stmagent.runtime.core;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.settings.RuntimeSettings;

/**
 * The table of ownership records (orecs). Every transactional location (an object and a field
 * offset, or an array and an element offset) hashes to one orec: the holder's identity hash mixed
 * with the offset's 4-byte word, so the fields of one object and the neighbouring elements of one
 * array land on different orecs, and different objects' locations spread over the whole table.
 * The table holds {@code stm.orecs} data orecs (default 2^16, see {@link RuntimeSettings#orecs}).
 * The signal words of converted monitors have a part of the table of their own: a region that
 * only entered a monitor (and then blocked, inevitable, in a call) never holds an orec that some
 * data shares by chance.
 *
 * <p>Bit layout of an orec word:
 * <pre>
 *   unlocked:  [ version : 63 ][ 0 ]          the version (clock value) of the last commit here
 *   locked:    [ 0 ][ one : 1 ][ attempt : 18 ][ lock entry : 28 ][ segment : 15 ][ 1 ]
 *              segment    = id of the owning {@link Segment}
 *              one        = the owner, running optimistically, has buffered a write to one location
 *                           here, whose fingerprint its lock entry keeps: a reader of another
 *                           location under this orec reads memory through the lock (see
 *                           {@link Segment#readableWord}). The owner clears the bit before it
 *                           buffers a second location here or writes in place.
 *              lock entry = index of the owner's lock-log entry, which keeps the version to
 *                           restore on abort and the chain of buffered writes under this orec
 *              attempt    = the owner's attempt tag ({@link #attemptTag}): the attempt's number
 *                           in its slot ({@link SegmentSlot#nextAttempt}), so that a lock word
 *                           read from one attempt never matches one of a later attempt in the
 *                           same slot, whichever thread runs it: an inevitable transaction that
 *                           read the word of an attempt it then kills cannot steal, by CAS, a
 *                           lock of a later attempt there
 * </pre>
 */
public final class Orecs {
    /** Orecs for data: {@code stm.orecs} words, 2^16 (512 KiB) by default. */
    static final int DATA_BITS = Integer.numberOfTrailingZeros(RuntimeSettings.orecs());
    static final int DATA_MASK = (1 << DATA_BITS) - 1;
    /** Orecs for monitors' signal words, after those for data. */
    static final int MONITOR_BITS = 14;
    static final int MONITOR_MASK = (1 << MONITOR_BITS) - 1;
    static final int SIZE = (1 << DATA_BITS) + (1 << MONITOR_BITS);
    static final int MAX_SEGMENTS = 1 << 15;

    private static final long[] TABLE = new long[SIZE];
    private static final long BASE = UnsafeApi.arrayBaseOffset(long[].class);

    static {
        long initial = unlockedWord(VersionClock.FIRST_VERSION);
        for (int i = 0; i < SIZE; i++) {
            TABLE[i] = initial;
        }
        UnsafeApi.fullFence();
    }

    private Orecs() {
    }

    /**
     * Offsets below this have an orec per 4-byte word (every field of an object, the elements of
     * small arrays); beyond it, each 64-byte cache line of a large array has one orec.
     */
    static final long FINE_BYTES = 4096;
    private static final int FINE_WORDS = (int) (FINE_BYTES >>> 2);

    /**
     * A location's hash: identity hash of the holder mixed with the offset's 4-byte word, or, past
     * the first {@value #FINE_BYTES} bytes, with its cache line. A large array thus has about as
     * many orecs as cache lines, side by side in the table: an access touches one more line of
     * memory, not one per element, and a table that fits in the cache still covers the array.
     * Its orec is {@link #orecOf}; the hash itself is the location's fingerprint: two locations
     * under one orec with different hashes are different locations ({@link #ANY_LOCATION} aside).
     * Throws {@link NullPointerException} for a null holder.
     */
    public static int hash(Object holder, long offset) {
        if (holder == null) {
            // a field of null: every barrier asks for the orec before it touches memory, so this
            // throws where the JVM would, instead of a raw access at a small address
            throw new NullPointerException();
        }
        int word = offset < FINE_BYTES ? (int) (offset >>> 2) : FINE_WORDS + (int) ((offset - FINE_BYTES) >>> 6);
        return System.identityHashCode(holder) * 0x9E3779B9 + word;
    }

    /** The orec of a location with {@link #hash} {@code hash}. */
    public static int orecOf(int hash) {
        return (hash ^ (hash >>> DATA_BITS)) & DATA_MASK;
    }

    /** The orec for a location (see {@link #hash}). */
    public static int index(Object holder, long offset) {
        return orecOf(hash(holder, offset));
    }

    /**
     * The fingerprint that stands for every location of an orec: of reads and writes whose
     * location is not known. A real location hashing to it only makes comparisons conservative.
     */
    static final int ANY_LOCATION = 0;

    /** Whether a write to {@code written} may have changed a read of {@code read} under one orec. */
    static boolean mayBeSameLocation(int read, int written) {
        return read == written || read == ANY_LOCATION || written == ANY_LOCATION;
    }

    /** The orec for a monitor's signal word. */
    static int monitorIndex(Object monitor) {
        int h = System.identityHashCode(monitor) * 0x9E3779B9;
        return (1 << DATA_BITS) + ((h ^ (h >>> 15)) & MONITOR_MASK);
    }

    public static long get(int index) {
        return UnsafeApi.getLongVolatile(TABLE, BASE + ((long) index << 3));
    }

    static boolean compareAndSet(int index, long expected, long update) {
        return UnsafeApi.compareAndSetLong(TABLE, BASE + ((long) index << 3), expected, update);
    }

    static void release(int index, long word) {
        UnsafeApi.putLongRelease(TABLE, BASE + ((long) index << 3), word);
    }

    /** Whether {@code index} is a monitor's signal orec rather than a data location's. */
    static boolean isMonitorIndex(int index) {
        return index >= 1 << DATA_BITS;
    }

    static boolean isLocked(long word) {
        return (word & 1L) != 0;
    }

    static long version(long word) {
        return word >>> 1;
    }

    /** Whether {@code word} is unlocked with a version no newer than {@code limit} (0: nothing is). */
    static boolean readableUnder(long word, long limit) {
        return (word & 1L) == 0 && word <= limit << 1;
    }

    static long unlockedWord(long version) {
        return version << 1;
    }

    private static final int ENTRY_BITS = 28;
    private static final int ENTRY_MASK = (1 << ENTRY_BITS) - 1;
    private static final int TAG_SHIFT = 16 + ENTRY_BITS;
    private static final int TAG_MASK = (1 << 18) - 1;
    private static final long ONE_LOCATION = 1L << 62;

    /** The attempt tag of lock words, for an attempt's number in its slot. */
    static long attemptTag(int attempt) {
        return (long) (attempt & TAG_MASK) << TAG_SHIFT;
    }

    /** A lock word without an attempt tag: for owners whose words no transaction steals. */
    static long lockedWord(int segmentId, int lockEntry) {
        return lockedWord(segmentId, lockEntry, 0L);
    }

    static long lockedWord(int segmentId, int lockEntry, long attemptTag) {
        return attemptTag | ((long) lockEntry << 16) | ((long) segmentId << 1) | 1L;
    }

    /** A lock word saying the owner has buffered a write to one location under it (see the bit layout). */
    static long coveringOneLocation(long lockedWord) {
        return lockedWord | ONE_LOCATION;
    }

    /** The lock word without the one-location mark. */
    static long coveringSeveral(long lockedWord) {
        return lockedWord & ~ONE_LOCATION;
    }

    static boolean coversOneLocation(long lockedWord) {
        return (lockedWord & ONE_LOCATION) != 0;
    }

    static int owner(long lockedWord) {
        return (int) (lockedWord >>> 1) & (MAX_SEGMENTS - 1);
    }

    static int lockEntry(long lockedWord) {
        return (int) (lockedWord >>> 16) & ENTRY_MASK;
    }
}
