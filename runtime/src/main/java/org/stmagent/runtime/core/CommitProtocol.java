package org.stmagent.runtime.core;

import org.stmagent.runtime.stats.AbortCause;

/**
 * How an attempt ends: validation of its reads (against the commit log or orec by orec), the
 * extension of its snapshot, the writing commit (clock tick, write-back, the wait for older
 * write-backs that makes privatization safe, release) and the rollback.
 */
final class CommitProtocol {
    private final Segment tx;

    CommitProtocol(Segment tx) {
        this.tx = tx;
    }

    /** The locks kept (monitor words) by this attempt's last publication, or -1 before its first. */
    private int locksKeptAtPublication = -1;

    void startAttempt() {
        locksKeptAtPublication = -1;
    }

    /** Read sets up to this size are validated orec by orec, larger ones through the commit log. */
    private static final int SMALL_READ_SET = 32;

    /** Commits the current attempt; throws {@link TransactionAbort} (nothing rolled back yet) on failure. */
    void commit() {
        tx.throwIfDoomed();
        if (tx.inevitable) {
            commitInevitable(); // its counters were applied in place when it became inevitable
            return;
        }
        if (!tx.deferred.isEmpty()) {
            tx.deferred.takeAll(); // still running optimistically: owners that meet our locks give way
        }
        if (tx.writes.lockCount() == 0 && tx.counterIncrements.counters.isEmpty()) {
            // Read-only: the snapshot was consistent all along, and every commit it depends on
            // finished writing back before releasing what this attempt read (see Privatization).
            return;
        }
        boolean counters = !tx.counterIncrements.counters.isEmpty();
        if (counters) {
            // the counters' orecs are locked before the version is drawn, and only once no kill applies
            if (!tx.slot.startCommitUnlessKilled()) {
                throw tx.doom(AbortCause.INEVITABLE); // killed by the inevitable transaction
            }
            tx.counterIncrements.apply(); // committing: others who meet these locks wait instead of giving way
        } else {
            tx.slot.markCommitting(); // a release store: the tick below is the fence of the pair with a kill
        }
        tx.published.startWriteback(tx.reads.summary()); // the read set is frozen from here on
        long version = VersionClock.tick();
        if (!counters && tx.slot.killed) {
            tx.published.markWriteback(0);
            throw tx.doom(AbortCause.INEVITABLE); // killed by the inevitable transaction before the tick
        }
        tx.published.markWriteback(version);
        tx.slot.commits.publish(version, tx.writes, false); // before validating: readers never wait for that
        if (version != tx.snapshot + 1 && !TestHooks.BROKEN_VALIDATION && !readsUntouched(tx.snapshot, version - 1)) {
            tx.published.markWriteback(0);
            throw tx.doom(AbortCause.WRITE_READ);
        }
        tx.writes.writeBack();
        Privatization.awaitPredecessors(tx.pool, tx.slot, version, tx.writes, false);
        releaseWritten(version);
        tx.published.markWriteback(0);
        Privatization.requestRevalidation(tx.pool, tx.slot, version);
        // every commit with an older version held its locks when this one drew its version
        tx.snapshot = version;
    }

    /**
     * Releases what the inevitable transaction wrote at the new version, and what it only locked to
     * read at the version it had: a reader of that location must not be invalidated for nothing.
     */
    private void commitInevitable() {
        long version = versionInPlaceWrites(false);
        long written = Orecs.unlockedWord(version);
        for (int e = 0, n = tx.writes.lockCount(); e < n; e++) {
            Orecs.release(tx.writes.lockedOrec(e), tx.writes.written(e) ? written : tx.writes.previousWord(e));
        }
        tx.inevitability.releaseToken();
        Privatization.requestRevalidation(tx.pool, tx.slot, version);
    }

    /**
     * The inevitable transaction of a monitor region, at a call that lets other threads act on
     * what it did (starting or waiting for a thread, blocking, waiting on a monitor): publishes
     * everything written so far at a new version, as a commit would, and releases every orec
     * except the signal words of the monitors still held, other than {@code released} (the one
     * about to be waited on, or null). Those stay locked, so the monitors stay held: what other
     * threads may now see is what a lock-based program lets them see at this point.
     */
    void publishHoldingMonitors(Object released) {
        // Also when it holds only monitor words, unless nothing was locked since it last published:
        // a region that entered one of them before this transaction locked its word must fail or
        // finish writing back before the call, which may read and write memory without barriers.
        if (!holdsOnlyMonitorWords(released) || tx.writes.lockCount() != locksKeptAtPublication) {
            // every orec it locked goes in the commit ring, read or not: an optimistic transaction
            // that entered one of the monitors before this one locked it must not commit after
            // writing what this one read there, once the read locks are gone (its validation
            // by the ring would not see the signal word this one still holds)
            long version = versionInPlaceWrites(true);
            long written = Orecs.unlockedWord(version);
            int id = tx.slot.id;
            int kept = 0;
            for (int e = 0, n = tx.writes.lockCount(); e < n; e++) {
                int orec = tx.writes.lockedOrec(e);
                if (tx.monitors.holdsSignalOrec(orec, released)) {
                    if (kept != e) {
                        tx.writes.moveLock(e, kept);
                        Orecs.release(orec, Orecs.lockedWord(id, kept, tx.lockTag)); // still ours, under its new entry
                    }
                    // the call may change what the monitor guards without barriers: its word is
                    // released at a new version, so a region that read it before fails validation
                    tx.writes.markWritten(kept);
                    kept++;
                } else {
                    Orecs.release(orec, tx.writes.written(e) ? written : tx.writes.previousWord(e));
                }
            }
            tx.writes.truncateLocks(kept);
            locksKeptAtPublication = kept;
            Privatization.requestRevalidation(tx.pool, tx.slot, version);
        }
        MonitorConditions.deliver(tx.monitorWords.pendingNotifications);
    }

    /**
     * The inevitable transaction's writes, already in place: draws their version, logs them in the
     * slot's commit ring, and waits for the older commits that read them to finish writing back.
     */
    private long versionInPlaceWrites(boolean withReadLocks) {
        tx.published.startWriteback(OrecSummary.ANY); // readers extending wait for the entry
        long version = VersionClock.tick();
        tx.published.markWriteback(version);
        tx.slot.commits.publish(version, tx.writes, withReadLocks);
        tx.published.markWriteback(0);
        Privatization.awaitPredecessors(tx.pool, tx.slot, version, tx.writes, withReadLocks);
        return version;
    }

    private boolean holdsOnlyMonitorWords(Object released) {
        for (int e = 0, n = tx.writes.lockCount(); e < n; e++) {
            if (!tx.monitors.holdsSignalOrec(tx.writes.lockedOrec(e), released)) {
                return false;
            }
        }
        return true;
    }

    /** Releases every orec the commit wrote, at {@code version}, recording for each the one location written ({@link SoleWrites}). */
    private void releaseWritten(long version) {
        long word = Orecs.unlockedWord(version);
        WriteLog writes = tx.writes;
        boolean record = SoleWrites.kept();
        for (int e = 0, n = writes.lockCount(); e < n; e++) {
            int orec = writes.lockedOrec(e);
            if (record) {
                SoleWrites.committed(orec, writes.lockLocation(e), Orecs.version(writes.previousWord(e)), version);
            }
            Orecs.release(orec, word);
        }
    }

    void rollback() {
        if (!tx.inevitable) {
            int id = tx.slot.id;
            for (int e = 0, n = tx.writes.lockCount(); e < n; e++) {
                // a lock the inevitable transaction stole is no longer ours to restore; ours may
                // carry the one-location mark, which only this transaction changes
                int orec = tx.writes.lockedOrec(e);
                long word = Orecs.get(orec);
                if (Orecs.coveringSeveral(word) == Orecs.lockedWord(id, e, tx.lockTag)) {
                    Orecs.compareAndSet(orec, word, tx.writes.previousWord(e));
                }
            }
        } else {
            // a failed switch to inevitable, or a transaction abandoned after an exception: the
            // locks were all taken by us, and what was written in place goes back first
            tx.undo.restore();
            for (int e = 0, n = tx.writes.lockCount(); e < n; e++) {
                Orecs.release(tx.writes.lockedOrec(e), tx.writes.previousWord(e));
            }
        }
        tx.inevitability.releaseToken();
        tx.clearLogs();
        tx.monitors.clear();
        MonitorConditions.forget(tx.monitorWords.pendingNotifications);
        tx.afterCommit.clear();
        tx.slot.setStatus(SegmentSlotFields.ACTIVE);
        tx.inevitable = false; // the attempt is over
        tx.leaveFastPath();
    }

    /**
     * Whether nothing read so far was written by a commit with a version in {@code (from, to]}:
     * from the commit log when it can tell, otherwise by checking every orec read.
     */
    boolean readsUntouched(long from, long to) {
        if (tx.reads.size() <= SMALL_READ_SET && readsStillValid()) {
            return true; // a few orecs of our own: cheaper than other threads' log entries
        }
        Boolean untouched = CommitLog.untouchedBetween(from, to, tx.reads, tx, tx.slot);
        if (untouched == null) {
            SoleWrites.wanted(); // this reader fell behind the rings: later ones will find records
        }
        return untouched != null ? untouched : readsStillValid();
    }

    private boolean readsStillValid() {
        int id = tx.slot.id;
        for (int i = 0, n = tx.reads.size(); i < n; i++) {
            int orec = tx.reads.get(i);
            long word = Orecs.get(orec);
            boolean current = Orecs.isLocked(word) ? Orecs.owner(word) == id
                    : Orecs.version(word) <= tx.snapshot || SoleWrites.untouchedSince(orec, word, tx.reads.locationAt(i), tx.snapshot);
            if (!current) {
                tx.notes.failedOrec = orec;
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the snapshot to now if everything read so far is still current (TinySTM/LSA's
     * extension); aborts otherwise. The new snapshot is published with a full fence and the clock
     * read again: a commit that drew its version meanwhile may have found the read limit closed and
     * skipped its request, so its version is taken in too.
     */
    void extendSnapshot() {
        while (true) {
            long now = VersionClock.now();
            if (now != tx.snapshot && !TestHooks.BROKEN_VALIDATION && !readsUntouched(tx.snapshot, now)) {
                throw tx.doom(AbortCause.WRITE_READ);
            }
            tx.snapshot = now;
            if (!tx.deferred.isEmpty()) {
                tx.deferred.takeFreeWithin(now); // before the fast path may read under their orecs
            }
            tx.published.publishSnapshot(now);
            if (VersionClock.now() == now) {
                return;
            }
        }
    }
}
