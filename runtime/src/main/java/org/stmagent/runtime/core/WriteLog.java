package org.stmagent.runtime.core;

import java.util.Arrays;

import org.stmagent.runtime.stats.ConflictLocation;
import org.stmagent.runtime.stats.Sites;

/**
 * The orecs an attempt has locked (the lock log) and the values it has buffered under them (the
 * redo log). Each lock entry keeps the orec's version before locking, to restore on abort, and the
 * head of a chain of buffered writes whose locations hash to that orec; the chain makes
 * read-your-own-write a walk of a few entries found straight from the orec word. A lock entry also
 * keeps what the access that took it touched (the holder's class and the offset) and its site, for
 * the conflict report.
 *
 * <p>All storage is parallel arrays kept across attempts: no allocation once warmed up.
 */
final class WriteLog {
    private static final int NONE = -1;

    // lock log
    private int[] lockedOrec = new int[16];
    private long[] previousWord = new long[16];
    private int[] firstWrite = new int[16];
    private Class<?>[] lockType = new Class<?>[16];
    private long[] lockOffset = new long[16]; // -1 - offset for a static field
    private int[] lockSite = new int[16];
    /** The one location a lock entry whose word {@link Orecs#coversOneLocation} was taken for ({@link Orecs#hash}). */
    private int[] lockLocation = new int[16];
    /** Whether the location under a lock entry was written (the inevitable transaction also locks what it reads). */
    private boolean[] lockWritten = new boolean[16];
    private int lockCount;

    // redo log
    private Object[] holder = new Object[16];
    private long[] offset = new long[16];
    private byte[] kind = new byte[16];
    private long[] bits = new long[16];
    private Object[] reference = new Object[16];
    private int[] nextWrite = new int[16];
    private int writeCount;

    /** Records a newly locked orec and returns its lock-entry index. */
    int addLock(int orec, long previous, Object target, long targetOffset, int site, boolean forWrite) {
        // a static field's holder is its class: keep the class itself, and mark the offset
        boolean isStatic = target instanceof Class;
        Class<?> type = target == null ? null : isStatic ? (Class<?>) target : target.getClass();
        return newLock(orec, previous, type, isStatic ? -1 - targetOffset : targetOffset, site, forWrite);
    }

    /**
     * Records a newly locked orec for what lock entry {@code fromEntry} of {@code from} says (the
     * class, offset and site of its access; see {@link DeferredWrites}); returns the new entry.
     */
    int copyLock(int orec, long previous, WriteLog from, int fromEntry) {
        return newLock(orec, previous, from.lockType[fromEntry], from.lockOffset[fromEntry], from.lockSite[fromEntry], true);
    }

    private int newLock(int orec, long previous, Class<?> type, long markedOffset, int site, boolean forWrite) {
        int n = lockCount;
        if (n == lockedOrec.length) {
            growLocks();
        }
        lockedOrec[n] = orec;
        previousWord[n] = previous;
        firstWrite[n] = NONE;
        if (lockType[n] != type) {
            lockType[n] = type; // most entries keep the type they had: no GC write barrier then
        }
        lockOffset[n] = markedOffset;
        lockSite[n] = site;
        lockLocation[n] = Orecs.ANY_LOCATION;
        lockWritten[n] = forWrite;
        lockCount = n + 1;
        return n;
    }

    /** Buffers every write of lock entry {@code entry} under entry {@code targetEntry} of {@code target}. */
    void moveWrites(int entry, WriteLog target, int targetEntry) {
        for (int w = firstWrite[entry]; w != NONE; w = nextWrite[w]) {
            target.put(targetEntry, holder[w], offset[w], kind[w], bits[w], reference[w]);
        }
        firstWrite[entry] = NONE;
    }

    /** The entry no longer stands for its orec: {@link #lockedOrec} says -1 from now on. */
    void retire(int entry) {
        lockedOrec[entry] = NONE;
        firstWrite[entry] = NONE;
    }

    /**
     * Moves lock entry {@code from} down to {@code to} (an entry about to be forgotten), keeping
     * what it says; the entry has no buffered writes (the transaction is inevitable).
     */
    void moveLock(int from, int to) {
        lockedOrec[to] = lockedOrec[from];
        previousWord[to] = previousWord[from];
        firstWrite[to] = NONE;
        lockType[to] = lockType[from];
        lockOffset[to] = lockOffset[from];
        lockSite[to] = lockSite[from];
        lockLocation[to] = lockLocation[from];
        lockWritten[to] = lockWritten[from];
    }

    /** Forgets every lock entry from {@code count} on. */
    void truncateLocks(int count) {
        Arrays.fill(lockType, count, lockCount, null);
        lockCount = count;
    }

    /** Takes back the entry just added, when the CAS that was to publish it failed. */
    void removeLastLock() {
        lockCount--;
    }

    int lockCount() {
        return lockCount;
    }

    int lockedOrec(int entry) {
        return lockedOrec[entry];
    }

    long previousWord(int entry) {
        return previousWord[entry];
    }

    /**
     * The previous word of an entry, read by another thread that saw this log's lock word in an
     * orec (the entry was filled before the CAS that published it). A stale, shorter array reads as
     * "locked", which callers treat as unknown.
     */
    long previousWordSeenByOthers(int entry) {
        long[] words = previousWord;
        return entry < words.length ? words[entry] : 1L;
    }

    /** Marks the newest lock entry as taken to write {@code location} alone; before the CAS that publishes it. */
    void takenForOneLocation(int entry, int location) {
        lockLocation[entry] = location;
    }

    /** The entry now covers several locations, or writes in place: its word lost the one-location mark. */
    void coverSeveralLocations(int entry) {
        lockLocation[entry] = Orecs.ANY_LOCATION;
    }

    /**
     * The fingerprint ({@link Orecs#hash}) of the one location written under a lock entry, or
     * {@link Orecs#ANY_LOCATION} when there may be several, or writes in place, or a counter.
     */
    int lockLocation(int entry) {
        return lockLocation[entry];
    }

    /**
     * The one location of a lock entry, read by another thread that saw a one-location lock word of
     * this log in an orec (the entry was filled before the CAS that published it); a stale, shorter
     * array reads as {@link Orecs#ANY_LOCATION}.
     */
    int lockLocationSeenByOthers(int entry) {
        int[] locations = lockLocation;
        return entry < locations.length ? locations[entry] : Orecs.ANY_LOCATION;
    }

    /** The class and offset an entry's access touched, read by another thread that found it in an orec; racy, for reports. */
    ConflictLocation lockedLocationSeenByOthers(int entry) {
        Class<?>[] types = lockType;
        long[] offsets = lockOffset;
        if (entry < 0 || entry >= types.length || entry >= offsets.length || types[entry] == null) {
            return null;
        }
        long offset = offsets[entry];
        boolean isStatic = offset < 0;
        return ConflictLocation.of(types[entry], isStatic ? -1 - offset : offset, isStatic);
    }

    int lockSite(int entry) {
        return lockSite[entry];
    }

    /** The orecs written, or with {@code readLocksToo} every orec locked, as an {@link OrecSummary}. */
    long summary(boolean readLocksToo) {
        if (lockCount > OrecSummary.FOLDED) {
            return OrecSummary.ANY;
        }
        long summary = 0;
        for (int e = 0; e < lockCount; e++) {
            if (readLocksToo || written(e)) {
                summary |= OrecSummary.bit(lockedOrec(e));
            }
        }
        return summary;
    }

    boolean written(int entry) {
        return lockWritten[entry];
    }

    /** An inevitable write under a lock entry taken for reading. */
    void markWritten(int entry) {
        lockWritten[entry] = true;
    }

    /** The site of an entry, read by another thread that found it in an orec; racy, for reports. */
    int lockSiteSeenByOthers(int entry) {
        int[] locks = lockSite;
        return entry >= 0 && entry < locks.length ? locks[entry] : Sites.UNKNOWN;
    }

    /** Buffers a write under a lock entry, replacing an earlier write to the same location. */
    void put(int lockEntry, Object target, long targetOffset, byte targetKind, long valueBits, Object value) {
        int found = find(lockEntry, target, targetOffset);
        if (found != NONE) {
            bits[found] = valueBits;
            reference[found] = value;
            return;
        }
        int n = writeCount;
        if (n == holder.length) {
            growWrites();
        }
        holder[n] = target;
        offset[n] = targetOffset;
        kind[n] = targetKind;
        bits[n] = valueBits;
        reference[n] = value;
        nextWrite[n] = firstWrite[lockEntry];
        firstWrite[lockEntry] = n;
        writeCount = n + 1;
    }

    /** The buffered write to a location under a lock entry, or -1. */
    int find(int lockEntry, Object target, long targetOffset) {
        for (int w = firstWrite[lockEntry]; w != NONE; w = nextWrite[w]) {
            if (holder[w] == target && offset[w] == targetOffset) {
                return w;
            }
        }
        return NONE;
    }

    /** The class of what the access that took a lock entry touched, or null when not known. */
    Class<?> lockedType(int entry) {
        return lockType[entry];
    }

    /** The offset the access that took a lock entry touched; {@code -1 - offset} for a static field. */
    long lockedOffset(int entry) {
        return lockOffset[entry];
    }

    long bits(int write) {
        return bits[write];
    }

    Object reference(int write) {
        return reference[write];
    }

    int writeCount() {
        return writeCount;
    }

    /** Copies every buffered value to memory; the caller holds every orec involved. */
    void writeBack() {
        for (int w = 0; w < writeCount; w++) {
            if (kind[w] == Kind.REFERENCE) {
                Kind.storeReference(holder[w], offset[w], reference[w]);
            } else {
                Kind.storeBits(holder[w], offset[w], kind[w], bits[w]);
            }
        }
    }

    /** Saves, in {@code undo}, what every location about to be written back holds now. */
    void saveOldValues(UndoLog undo) {
        for (int w = 0; w < writeCount; w++) {
            undo.save(holder[w], offset[w], kind[w]);
        }
    }

    /** Forgets the buffered values but keeps the locks (a transaction turning inevitable). */
    void clearWrites() {
        Arrays.fill(holder, 0, writeCount, null);
        Arrays.fill(reference, 0, writeCount, null);
        writeCount = 0;
        for (int e = 0; e < lockCount; e++) {
            firstWrite[e] = NONE;
        }
    }

    void clear() {
        clearWrites();
        lockCount = 0;
    }

    private void growLocks() {
        int n = lockedOrec.length * 2;
        lockedOrec = Arrays.copyOf(lockedOrec, n);
        previousWord = Arrays.copyOf(previousWord, n);
        firstWrite = Arrays.copyOf(firstWrite, n);
        lockType = Arrays.copyOf(lockType, n);
        lockOffset = Arrays.copyOf(lockOffset, n);
        lockSite = Arrays.copyOf(lockSite, n);
        lockLocation = Arrays.copyOf(lockLocation, n);
        lockWritten = Arrays.copyOf(lockWritten, n);
    }

    private void growWrites() {
        int n = holder.length * 2;
        holder = Arrays.copyOf(holder, n);
        offset = Arrays.copyOf(offset, n);
        kind = Arrays.copyOf(kind, n);
        bits = Arrays.copyOf(bits, n);
        reference = Arrays.copyOf(reference, n);
        nextWrite = Arrays.copyOf(nextWrite, n);
    }
}
