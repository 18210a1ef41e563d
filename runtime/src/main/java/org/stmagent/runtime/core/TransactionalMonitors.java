package org.stmagent.runtime.core;

import java.util.ArrayList;
import java.util.List;

import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.ConflictLocation;
import org.stmagent.runtime.stats.Sites;
import org.stmagent.runtime.stats.StatisticsClock;
import org.stmagent.runtime.stats.TimedState;

/**
 * A transaction's side of the program's monitors: each monitor's signal word, read on entry and
 * written by a notifier; notifications held until commit; and {@code wait}, which commits the
 * region so far and continues it, inevitable, as a new transaction.
 */
final class TransactionalMonitors {
    private final Segment tx;

    TransactionalMonitors(Segment tx) {
        this.tx = tx;
    }

    final List<Object> pendingNotifications = new ArrayList<>();

    /**
     * Reads the monitor's signal word: a location that holds nothing, read when a region enters
     * the monitor and written by a region that notifies on it. A notifier that commits while this
     * region is inside the monitor invalidates it, so it cannot wait for a notification that has
     * already been delivered; an inevitable region holds the word locked, as it would hold the lock.
     */
    void readMonitorWord(Object monitor) {
        // the region's own monitor: its orec was found when the region began
        int orec = monitor == tx.regionMonitor && tx.regionOrec >= 0 ? tx.regionOrec : Orecs.monitorIndex(monitor);
        if (tx.regionSite != tx.NO_SITE && tx.unjoinable == null && !tx.monitors.isOutermost(monitor)) {
            tx.unjoinable = "entered another monitor";
        }
        if (tx.validRead(orec, Orecs.get(orec), Orecs.ANY_LOCATION, Sites.MONITOR)) {
            return; // the barriers' fast path: there is no value to load
        }
        tx.notes.noteAccess(monitor, ConflictLocation.MONITOR_WORD, Sites.MONITOR);
        if (PlainMonitors.isPlain(Orecs.get(orec)) && keptFromPlain(monitor, orec)) {
            return;
        }
        try {
            long word;
            do {
                word = tx.readableWord(orec, Orecs.ANY_LOCATION);
            } while (word != tx.OWNED && !tx.confirmRead(orec, word, Orecs.ANY_LOCATION));
        } catch (TransactionAbort abort) {
            // A converted block enters its monitor before the range whose handler retries it: the
            // attempt stays doomed, and its next barrier or its commit rolls it back.
        }
    }

    /** Writes the monitor's signal word (see {@link #readMonitorWord}): locks it, buffers nothing. */
    void writeMonitorWord(Object monitor) {
        tx.notes.noteAccess(monitor, ConflictLocation.MONITOR_WORD, Sites.MONITOR);
        int orec = Orecs.monitorIndex(monitor);
        if (PlainMonitors.isPlain(Orecs.get(orec)) && keptFromPlain(monitor, orec)) {
            return;
        }
        tx.writableEntry(orec, Orecs.ANY_LOCATION);
    }

    /**
     * The monitor is in plain mode. True when the region must leave its signal word alone: this
     * thread runs the monitor plainly (it excludes the others already), or the attempt is doomed
     * and gives way. An inevitable attempt cannot give way (false): when it locks the word it waits
     * until the plain runs have left and takes the word at once, so that they cannot switch it back
     * first ({@link PlainMonitors#drainAndLock}).
     */
    private boolean keptFromPlain(Object monitor, int orec) {
        if (tx.plainHolder != null && tx.plainHolder.holds(orec, 0)) {
            return true;
        }
        if (tx.inevitable) {
            if (tx.serial) {
                PlainMonitors.drain(orec, tx.plainHolder); // running alone: nothing switches it back meanwhile
            }
            return false; // otherwise taking the word drains it (Inevitability.lockOrec)
        }
        tx.metPlainOrec = orec;
        tx.notes.conflictAt = ConflictLocation.of(monitor, ConflictLocation.MONITOR_WORD);
        tx.doom(AbortCause.OTHER); // the next barrier or the commit rolls the attempt back
        return true;
    }

    void deferNotification(Object notification) {
        tx.unjoinable = "notified on a monitor";
        pendingNotifications.add(notification);
    }

    /**
     * Before a {@code wait} on {@code monitor}. If the transaction holds no other monitor, ends it:
     * commits it (throwing the abort if it fails), delivers its notifications, and gives the slot
     * back while the thread blocks; returns false. Otherwise the others stay held through the wait,
     * as {@code Object.wait} releases only the monitor it is called on: the transaction turns
     * inevitable, publishes what it did with every other held monitor's signal word still locked
     * (a region entering one of them waits, and never sees a half-done update), and gives the
     * token back while it blocks, keeping its slot; returns true.
     */
    boolean suspendForWait(Object monitor) {
        if (tx.regionSite != tx.NO_SITE) {
            AdaptiveSites.neverPlain(tx.regionSite, "waited on a monitor");
        }
        if (!tx.serial && tx.monitors.holdsOtherThan(monitor)) {
            tx.inevitability.becomeInevitable(Sites.AFTER_WAIT);
            tx.commitProtocol.publishHoldingMonitors(monitor);
            tx.inevitability.releaseToken(); // it stays inevitable: see BlockedInevitables
            return true;
        }
        // The waiter is already queued. Its decision to wait must still hold now: a notifier that
        // committed since the snapshot may have found the queue empty. A read-only commit does not
        // validate, so check here; a notifier committing after this check finds the waiter queued.
        long clock = VersionClock.now();
        if (!tx.inevitable && !TestHooks.BROKEN_VALIDATION && clock != tx.snapshot && !tx.commitProtocol.readsUntouched(tx.snapshot, clock)) {
            throw tx.doom(AbortCause.WRITE_READ);
        }
        tx.commitProtocol.commit();
        tx.stats.chargeUntil(TimedState.RUN_COMMITTED, StatisticsClock.now());
        tx.timings.transactionCommitted(tx.aborts + 1);
        tx.clearLogs();
        tx.afterAbort.clear();
        tx.inevitable = false;
        tx.leaveFastPath();
        SegmentSlot done = tx.slot;
        tx.slot = null;
        tx.pool.release(done);
        MonitorConditions.deliver(pendingNotifications);
        tx.runAfterCommit();
        return false;
    }

    /**
     * Continues the region after a {@code wait} that ended the transaction, as a new transaction. It runs inevitable: the code
     * before the wait has committed, so this part must never be rolled back and retried.
     */
    void resumeAfterWait() {
        tx.timings.transactionStarts();
        tx.claimSlot(TimedState.OUTSIDE_TRANSACTION, StatisticsClock.now());
        tx.nextAttemptInevitable = Sites.AFTER_WAIT;
        tx.aborts = 0;
        tx.startAttempt();
    }
}
