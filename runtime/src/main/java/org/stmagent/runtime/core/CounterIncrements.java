package org.stmagent.runtime.core;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.ConflictLocation;
import org.stmagent.runtime.stats.StatisticsClock;

/**
 * A transaction's increments of counter fields ({@code HashMap.size}, {@code modCount}): kept as
 * pending deltas that never conflict with each other, settled into ordinary reads and writes when
 * the attempt looks at the field, and added to the committed values at commit (see
 * {@link CounterDeltas}).
 */
final class CounterIncrements {
    private final Segment tx;

    CounterIncrements(Segment tx) {
        this.tx = tx;
    }

    final CounterDeltas counters = new CounterDeltas();
    /**
     * How long a committer waits for another committer's lock on a counter (see {@link #apply}):
     * a bound in time, not in rounds, so that an owner descheduled in its commit is waited for,
     * while two committers that each wait for a lock the other holds give up.
     */
    private static final long COUNTER_LOCK_WAIT_NANOS = 10_000_000;

    /**
     * {@code field += delta} on a counter field ({@code HashMap.size}): applied at once when the
     * attempt is inevitable, owns the field's orec or built the object; otherwise kept as a pending
     * increment, added to the committed value at commit (see {@link CounterDeltas}). Returns the
     * field's new value as this attempt sees it: exact in the first case; in the second, the value
     * in memory now plus the pending increment, which other commits may change before this one.
     */
    int add(Object holder, long offset, int delta, int site) {
        if (appliesAtOnce(holder, offset)) {
            return (int) addNow(holder, offset, Kind.INT, delta, site);
        }
        long pending = counters.add(holder, offset, Kind.INT, delta, site);
        return UnsafeApi.getIntVolatile(holder, offset) + (int) pending;
    }

    /**
     * {@code cell += delta} on a {@code long} that only transactions holding one slot ever add to
     * (a cell of a {@code ConflictFreeCounter}): like {@link #add}, without reading the cell, so the
     * attempt keeps no read of it and locks its orec only while committing.
     */
    void addToCell(long[] cells, long offset, long delta, int site) {
        if (appliesAtOnce(cells, offset)) {
            addNow(cells, offset, Kind.LONG, delta, site);
        } else {
            counters.add(cells, offset, Kind.LONG, delta, site);
        }
    }

    private boolean appliesAtOnce(Object holder, long offset) {
        return tx.inevitable || tx.allocations.contains(holder) || ownsOrecOf(holder, offset);
    }

    private long addNow(Object holder, long offset, byte kind, long delta, int site) {
        settle(holder, offset, site);
        long value = tx.readBits(holder, offset, kind, site) + delta;
        tx.writeBits(holder, offset, kind, value, site);
        return value;
    }

    /**
     * Before any other read or write of a counter field: its pending increment becomes an ordinary
     * read and write, so the attempt sees the exact value from here on.
     */
    void settle(Object holder, long offset, int site) {
        if (counters.isEmpty()) {
            return;
        }
        int i = counters.indexOf(holder, offset);
        if (i < 0) {
            return;
        }
        byte kind = counters.kind(i);
        long delta = counters.removeAt(i);
        if (delta != 0) {
            tx.writeBits(holder, offset, kind, tx.readBits(holder, offset, kind, site) + delta, site);
        }
    }

    /**
     * Adds every pending increment to the committed value, under the field's orec. Becoming
     * inevitable: in place. Committing: buffered, written back with the rest; another committer
     * holding the orec is waited for a while (two committers may each hold what the other needs),
     * an owner still running is given way to.
     */
    void apply() {
        for (int i = 0, n = counters.size(); i < n; i++) {
            long delta = counters.delta(i);
            byte kind = counters.kind(i);
            if (delta == 0) {
                continue; // added and taken back: nothing to write, nothing to lock
            }
            Object holder = counters.holder(i);
            long offset = counters.offset(i);
            tx.notes.noteAccess(holder, offset, counters.site(i));
            int location = Orecs.hash(holder, offset);
            int orec = Orecs.orecOf(location);
            if (tx.inevitable) {
                tx.writableEntry(orec, Orecs.ANY_LOCATION); // locks in place
                if (tx.rollbackOnException) {
                    tx.undo.save(holder, offset, kind);
                }
                Kind.storeBits(holder, offset, kind, committed(holder, offset, kind) + delta);
            } else {
                int entry = lockCounterOrec(orec, location);
                // the orec is ours: memory holds the last committed value
                tx.writes.put(entry, holder, offset, kind, committed(holder, offset, kind) + delta, null);
            }
        }
        counters.clear();
    }

    private static long committed(Object holder, long offset, byte kind) {
        return kind == Kind.LONG ? UnsafeApi.getLongVolatile(holder, offset) : UnsafeApi.getIntVolatile(holder, offset);
    }

    /**
     * Locks {@code orec} for the counter at {@code location}, at commit. A lock of its own names the
     * counter's location for the commit ring, so readers of other locations under the orec are not
     * failed by the increment; its word keeps no one-location mark (nobody reads through a lock of
     * a committing transaction: they wait for it), and nothing else is written under it after.
     */
    private int lockCounterOrec(int orec, int location) {
        long since = 0;
        for (int round = 0; ; ) {
            long word = Orecs.get(orec);
            if (Orecs.isLocked(word)) {
                if (Orecs.owner(word) == tx.slot.id) {
                    int entry = Orecs.lockEntry(word);
                    if (Orecs.coversOneLocation(word)) {
                        // the counter is another location: readers may no longer read through
                        if (!Orecs.compareAndSet(orec, word, Orecs.coveringSeveral(word))) {
                            continue;
                        }
                        tx.writes.coverSeveralLocations(entry);
                    }
                    return entry;
                }
                SegmentSlot owner = tx.pool.slot(Orecs.owner(word));
                if (since == 0) {
                    since = StatisticsClock.precise();
                }
                boolean ownerRunning = owner.status != SegmentSlotFields.COMMITTING;
                if (ownerRunning && Orecs.get(orec) != word) {
                    continue; // the owner finished its commit between the two loads: not running
                }
                if (ownerRunning || pastDeadline(round, since)) {
                    tx.notes.conflictAt = ConflictLocation.of(tx.notes.accessHolder, tx.notes.accessOffset);
                    tx.notes.conflictWonSite = owner.descriptor.writes.lockSiteSeenByOthers(Orecs.lockEntry(word));
                    throw tx.doom(AbortCause.WRITE_WRITE);
                }
                round = Spin.pause(round);
                continue;
            }
            // no read of this location is kept, so a version newer than the snapshot is no conflict
            int entry = tx.writes.addLock(orec, word, tx.notes.accessHolder, tx.notes.accessOffset, tx.notes.accessSiteWithVia(), true);
            tx.writes.takenForOneLocation(entry, location);
            if (Orecs.compareAndSet(orec, word, Orecs.lockedWord(tx.slot.id, entry, tx.lockTag))) {
                return entry;
            }
            tx.writes.removeLastLock();
        }
    }

    /** Whether a wait that began at {@code since} has lasted its bound (looked at once in 64 rounds). */
    private static boolean pastDeadline(int round, long since) {
        return (round & 63) == 63 && StatisticsClock.precise() - since > COUNTER_LOCK_WAIT_NANOS;
    }

    private boolean ownsOrecOf(Object holder, long offset) {
        long word = Orecs.get(Orecs.index(holder, offset));
        return Orecs.isLocked(word) && Orecs.owner(word) == tx.slot.id;
    }
}
