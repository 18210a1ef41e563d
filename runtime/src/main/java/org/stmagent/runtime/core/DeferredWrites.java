package org.stmagent.runtime.core;

import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.StatisticsClock;
import org.stmagent.runtime.stats.TimedState;

/**
 * Writes to a location whose orec another running transaction holds for one other location (two
 * locations that share an orec by chance). Instead of a false write-write conflict, the write is
 * buffered here without the orec, and moved under a lock of this attempt's own once the orec is
 * free: when the snapshot is extended past its release, and at the latest before the commit draws
 * its version, waiting for the owner then (TL2's commit-time locking, for these orecs only).
 *
 * <p>The barriers' fast path never reads a location whose write waits here: its orec stays locked
 * by the other transaction, which was still running when the write came here, so it releases the
 * orec at a version newer than this attempt's snapshot; and a snapshot is extended past such a
 * release only after the orec is taken ({@link #takeFreeWithin}). The slow paths look here first.
 * Other transactions never see these writes before the commit, which takes the orecs like any
 * other and validates what was read under them as usual.
 */
final class DeferredWrites {
    /**
     * How long a commit waits for an owner still running before it gives way: an owner descheduled
     * in the middle of its attempt is waited for, rather than met again at once by a retry.
     */
    private static final long OWNER_WAIT_NANOS = 10_000_000;

    private final Segment tx;
    /** Lock entries for orecs not held (their previous words are unused), and the writes under them. */
    private final WriteLog log = new WriteLog();
    /** Entries not yet moved under a lock of the attempt's own. */
    private int pending;
    /** Set while {@link #takeAll} waits: read by the owners it waits for. */
    private volatile boolean waiting;
    /** The transaction this attempt gave way to in {@link #awaitOwner}, until the next attempt starts. */
    private Segment gaveWayTo;

    DeferredWrites(Segment tx) {
        this.tx = tx;
    }

    boolean isEmpty() {
        return pending == 0;
    }

    /** Whether writes under {@code orec} wait here. */
    boolean holds(int orec) {
        return entryOf(orec) >= 0;
    }

    /**
     * Whether a write to {@code location} may wait here rather than conflict with the lock
     * {@code word} on {@code orec}: another optimistic transaction, still running, took it for one
     * other location. Seen running with its word still in place, it has not drawn its version yet.
     */
    boolean mayWaitFor(int orec, long word, int location) {
        if (TestHooks.NO_DEFERRED_WRITES || location == Orecs.ANY_LOCATION || Orecs.isMonitorIndex(orec)
                || !Orecs.coversOneLocation(word) || Orecs.owner(word) == PlainMonitors.OWNER) {
            return false;
        }
        SegmentSlot owner = tx.pool.slot(Orecs.owner(word));
        Segment holder = owner.descriptor;
        if (holder == null || owner.status != SegmentSlotFields.ACTIVE) {
            return false;
        }
        int written = holder.writes.lockLocationSeenByOthers(Orecs.lockEntry(word));
        return !Orecs.mayBeSameLocation(location, written) && Orecs.get(orec) == word;
    }

    void put(int orec, int location, Object holder, long offset, byte kind, long bits, Object value, int site) {
        int e = entryOf(orec);
        if (e < 0) {
            e = log.addLock(orec, 0, holder, offset, site, true);
            log.takenForOneLocation(e, location);
            pending++;
        } else if (log.lockLocation(e) != location) {
            log.coverSeveralLocations(e);
        }
        log.put(e, holder, offset, kind, bits, value);
    }

    /** The write waiting here to {@code holder}'s field at {@code offset} under {@code orec}, or -1. */
    int find(int orec, Object holder, long offset) {
        int e = entryOf(orec);
        return e < 0 ? -1 : log.find(e, holder, offset);
    }

    long bits(int write) {
        return log.bits(write);
    }

    Object reference(int write) {
        return log.reference(write);
    }

    /**
     * The snapshot has just moved to {@code snapshot}, every read validated up to it, and is not
     * published yet: takes each orec released at a version within it. One still held by a running
     * owner stays here (its release will be newer); one held by a committing or inevitable owner
     * is waited for, as it may release at a version within the snapshot.
     */
    void takeFreeWithin(long snapshot) {
        takeOrecs(false, snapshot);
    }

    /**
     * Before the commit draws its version, or before the attempt turns inevitable, while it still
     * runs optimistically: takes every orec, waiting for owners to release them, for a bounded
     * time if they are still running (they may be waiting for an orec of this attempt).
     */
    void takeAll() {
        waiting = true;
        try {
            takeOrecs(true, 0);
        } finally {
            waiting = false;
        }
    }

    /**
     * Takes the orecs of the entries: all of them {@code atCommit} (an orec released after the
     * snapshot first extends it, which may take the orec), else those free within {@code snapshot}.
     */
    private void takeOrecs(boolean atCommit, long snapshot) {
        for (int e = 0, n = log.lockCount(); e < n; e++) {
            long since = 0;
            for (int round = 0; log.lockedOrec(e) >= 0; ) {
                int orec = log.lockedOrec(e);
                long word = Orecs.get(orec);
                if (!Orecs.isLocked(word)) {
                    if (Orecs.version(word) <= (atCommit ? tx.snapshot : snapshot)) {
                        take(e, orec, word);
                    } else if (atCommit) {
                        tx.commitProtocol.extendSnapshot(); // may take it (takeFreeWithin)
                    } else {
                        break; // the fast path cannot read under it: the read limit is older
                    }
                    continue;
                }
                if (Orecs.owner(word) == tx.slot.id) {
                    merge(e, orec, word);
                    continue;
                }
                if (!atCommit && tx.pool.slot(Orecs.owner(word)).status == SegmentSlotFields.ACTIVE
                        && Orecs.get(orec) == word) {
                    break; // its release will be newer than the snapshot
                }
                since = since == 0 ? StatisticsClock.precise() : since;
                round = awaitOwner(orec, word, since, round);
            }
            chargeWaitSince(since);
        }
        compactWhenDone();
    }

    /** A wait for an owner that began at {@code since} (0: none) is over: the report counts it as a wait. */
    private void chargeWaitSince(long since) {
        if (since != 0) {
            tx.chargeWait(TimedState.WAIT_WRITE_READ, StatisticsClock.precise() - since);
        }
    }

    /**
     * Spins once while another transaction holds {@code orec}; gives way once the wait has lasted
     * its bound, or at once when the owner waits here too for an orec of someone else's and has the
     * lower slot id (of two that wait for each other, one goes on).
     */
    private int awaitOwner(int orec, long word, long since, int round) {
        tx.throwIfDoomed();
        tx.throwIfKilled();
        Segment holder = tx.pool.slot(Orecs.owner(word)).descriptor;
        boolean yields = holder != null && holder.deferred.waiting && Orecs.owner(word) < tx.slot.id;
        if ((yields || ((round & 63) == 63 && StatisticsClock.precise() - since > OWNER_WAIT_NANOS))
                && Orecs.get(orec) == word) {
            if (holder != null) {
                int entry = Orecs.lockEntry(word);
                tx.notes.conflictAt = holder.writes.lockedLocationSeenByOthers(entry);
                tx.notes.conflictWonSite = holder.writes.lockSiteSeenByOthers(entry);
            }
            gaveWayTo = yields ? holder : null;
            throw tx.doom(AbortCause.WRITE_WRITE);
        }
        return Spin.pause(round);
    }

    /**
     * After a rollback, before the next attempt: if this attempt gave way to a commit waiting for
     * its orecs, waits (for up to {@link #OWNER_WAIT_NANOS}) until that commit has them, so the next
     * attempt does not lock them again first and give way once more.
     */
    void awaitTheOneGivenWayTo() {
        Segment other = gaveWayTo;
        if (other == null) {
            return;
        }
        gaveWayTo = null;
        long since = StatisticsClock.precise();
        for (int round = 0; other.deferred.waiting; ) {
            if ((round & 63) == 63 && StatisticsClock.precise() - since > OWNER_WAIT_NANOS) {
                return;
            }
            round = Spin.pause(round);
        }
    }

    /** Locks the free {@code orec} (at {@code word}, within the snapshot) for the attempt and moves entry {@code e}'s writes under it. */
    private void take(int e, int orec, long word) {
        WriteLog writes = tx.writes;
        int entry = writes.copyLock(orec, word, log, e); // filled before the CAS publishes it
        long locked = Orecs.lockedWord(tx.slot.id, entry, tx.lockTag);
        int location = log.lockLocation(e);
        if (location != Orecs.ANY_LOCATION) {
            writes.takenForOneLocation(entry, location);
            locked = Orecs.coveringOneLocation(locked);
        }
        if (!Orecs.compareAndSet(orec, word, locked)) {
            writes.removeLastLock();
            return;
        }
        moveUnder(e, entry);
    }

    /** The attempt holds {@code orec} already: entry {@code e}'s writes join that lock, which then covers several locations. */
    private void merge(int e, int orec, long word) {
        if (Orecs.coversOneLocation(word) && !Orecs.compareAndSet(orec, word, Orecs.coveringSeveral(word))) {
            return;
        }
        int entry = Orecs.lockEntry(word);
        tx.writes.coverSeveralLocations(entry);
        moveUnder(e, entry);
    }

    private void moveUnder(int e, int entry) {
        log.moveWrites(e, tx.writes, entry);
        log.retire(e);
        pending--;
    }

    private void compactWhenDone() {
        if (pending == 0) {
            log.clear();
        }
    }

    private int entryOf(int orec) {
        if (pending == 0) {
            return -1;
        }
        for (int e = 0, n = log.lockCount(); e < n; e++) {
            if (log.lockedOrec(e) == orec) {
                return e;
            }
        }
        return -1;
    }

    void clear() {
        if (log.lockCount() > 0) {
            log.clear();
            pending = 0;
        }
    }
}
