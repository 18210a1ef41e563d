package org.stmagent.runtime.core;

import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.FlightEvents;
import org.stmagent.runtime.stats.InevitableSites;
import org.stmagent.runtime.stats.Sites;
import org.stmagent.runtime.stats.StatisticsClock;
import org.stmagent.runtime.stats.TimedState;

/**
 * A transaction's way to inevitability: the token, taken in the middle of an attempt or between
 * attempts, the switch that locks what was read so far, and the stealing of orecs from optimistic
 * owners, which are killed (their writes are only buffered).
 */
final class Inevitability {
    private final Segment tx;

    Inevitability(Segment tx) {
        this.tx = tx;
    }

    private boolean holdsToken;

    boolean holdsToken() {
        return holdsToken;
    }

    /** Switches the running attempt to inevitable, for {@code site}: from here on it cannot abort. */
    void becomeInevitable(int site) {
        tx.throwIfDoomed();
        boolean irrevocableCall = site == Sites.UNKNOWN || site > Sites.MONITOR;
        if (irrevocableCall) {
            tx.unjoinable = "became inevitable for an irrevocable call";
        }
        if (!tx.inevitable) {
            if (!tx.deferred.isEmpty()) {
                tx.deferred.takeAll(); // before the token: an owner waited for may want it
            }
            switchToInevitable(site);
        }
        if (irrevocableCall && tx.mayPublishHoldingMonitors()) {
            // the call may hand what the region wrote to another thread, or block until another
            // thread has acted: nothing but the region's monitors may stay locked across it
            tx.commitProtocol.publishHoldingMonitors(null);
            releaseToken(); // it stays inevitable, holding its monitors: the call may block for long
        }
    }

    private void switchToInevitable(int site) {
        Object event = FlightEvents.inevitableStart();
        acquireToken();
        markInevitable(site);
        if (!tx.slot.becomeInevitableUnlessKilled()) {
            // by an earlier holder of the token, or by one it was taken over from while blocked
            throw tx.doom(AbortCause.INEVITABLE);
        }
        tx.inevitable = true;
        tx.leaveFastPath();
        coverSeveralLocations();
        // Lock everything read so far, checking it is still what the snapshot saw.
        for (int i = 0, n = tx.reads.size(); i < n; i++) {
            if (!lockOrec(tx.reads.get(i), true, false, null, 0, tx.reads.siteAt(i))) { // what was read there is not kept
                tx.nextAttemptInevitable = site;
                tx.notes.failedOrec = tx.reads.get(i);
                throw tx.doom(AbortCause.WRITE_READ);
            }
        }
        if (tx.rollbackOnException) {
            tx.writes.saveOldValues(tx.undo);
        }
        tx.writes.writeBack(); // under our locks, so nobody sees it before commit
        tx.writes.clearWrites();
        tx.allocations.clear();
        tx.counterIncrements.apply(); // in place from now on
        FlightEvents.inevitableEnd(event, site);
    }

    /**
     * Clears the one-location mark of every lock held ({@link Orecs#coversOneLocation}): from now
     * on this transaction writes in place, so no reader may read through its locks. Nobody else
     * changes these words now that no kill applies.
     */
    private void coverSeveralLocations() {
        for (int e = 0, n = tx.writes.lockCount(); e < n; e++) {
            int orec = tx.writes.lockedOrec(e);
            long word = Orecs.get(orec);
            if (Orecs.isLocked(word) && Orecs.owner(word) == tx.slot.id && Orecs.coversOneLocation(word)) {
                Orecs.release(orec, Orecs.coveringSeveral(word));
            }
            tx.writes.coverSeveralLocations(e);
        }
    }

    /** Holding the token: records the site for the report and for those who will wait for us. */
    void markInevitable(int site) {
        InevitableToken.holdFor(site);
        InevitableSites.became(tx.inevitableWaits, site);
    }

    /**
     * Takes an orec for the inevitable transaction, killing an optimistic owner and stealing its
     * lock (its writes are only buffered, so memory holds committed data). With
     * {@code checkSnapshot}, fails if the committed version is newer than the snapshot, or if another inevitable transaction holds the orec. With
     * {@code toRead}, entering a monitor whose signal word is {@link Segment#sharedByChance shared by
     * chance} takes nothing and returns true. A monitor
     * region's transaction that has waited long for another inevitable one publishes what it did
     * and keeps only its monitors locked (see {@link CommitProtocol#publishHoldingMonitors}): two
     * inevitable transactions that read shared data in different orders would otherwise wait for
     * each other for ever; with locks they would hold only their monitors.
     */
    boolean lockOrec(int orec, boolean checkSnapshot, boolean toRead, Object holder, long offset, int site) {
        int id = tx.slot.id;
        int round = 0;
        long waitStart = 0;
        boolean published = false;
        try {
            while (true) {
                long word = Orecs.get(orec);
                long previous;
                if (!Orecs.isLocked(word)) {
                    previous = word;
                } else if (Orecs.owner(word) == id) {
                    return true;
                } else if (Orecs.owner(word) == PlainMonitors.OWNER) {
                    if (checkSnapshot) {
                        return false; // a monitor read earlier is plain now: what was read there is not kept
                    }
                    if (PlainMonitors.drainAndLock(orec, tx.plainHolder, tx.writes, id, tx.lockTag, holder, offset, site)) {
                        return true;
                    }
                    continue;
                } else {
                    SegmentSlot owner = tx.pool.slot(Orecs.owner(word));
                    int status = owner.status;
                    if (checkSnapshot && status == SegmentSlotFields.INEVITABLE) {
                        // Another inevitable one (parked in a wait holding its monitors, or a
                        // blocked holder the token was taken from) keeps what this attempt read
                        // and may itself wait for what this attempt locked: the switch fails, the
                        // attempt rolls back and runs again once it can have the token.
                        return false;
                    }
                    if (status != SegmentSlotFields.ACTIVE || !owner.kill()) {
                        if (waitStart == 0) {
                            waitStart = StatisticsClock.precise();
                        } else if (!published && !checkSnapshot && status == SegmentSlotFields.INEVITABLE
                                && StatisticsClock.precise() - waitStart > BlockedInevitables.PATIENCE_NANOS
                                && tx.mayPublishHoldingMonitors()) {
                            // two inevitable transactions (one took the token over from the other
                            // while it was blocked) may each wait for what the other locked
                            tx.commitProtocol.publishHoldingMonitors(null);
                            published = true;
                        }
                        if (toRead && tx.slot.waitingBehindBlocked && tx.sharedByChance(orec, word, owner)) {
                            return true; // entering a monitor whose signal word another one's holder keeps
                        }
                        round = tx.pauseBehind(owner, round); // committing, rolling back or inevitable: it releases
                        continue;
                    }
                    previous = owner.descriptor.writes.previousWordSeenByOthers(Orecs.lockEntry(word));
                    if (Orecs.isLocked(previous)) {
                        round = tx.pauseBehind(owner, round);
                        continue;
                    }
                }
                if (checkSnapshot && Orecs.version(previous) > tx.snapshot) {
                    return false;
                }
                int entry = tx.writes.addLock(orec, previous, holder, offset, site, false);
                if (Orecs.compareAndSet(orec, word, Orecs.lockedWord(id, entry, tx.lockTag))) {
                    return true;
                }
                tx.writes.removeLastLock();
            }
        } finally {
            if (round != 0) {
                tx.slot.waitingInRuntime = false;
                tx.slot.waitingBehindBlocked = false;
            }
            if (waitStart != 0) {
                tx.chargeWait(TimedState.WAIT_WRITE_READ, StatisticsClock.precise() - waitStart);
            }
        }
    }

    /**
     * Takes the token in the middle of an attempt. A holder running alone waits for this attempt's
     * slot, so this attempt gives way (aborts) instead of waiting for it.
     */
    private void acquireToken() {
        if (holdsToken) {
            return;
        }
        if (!InevitableToken.tryAcquire(tx.slot)) {
            int site = InevitableToken.holderSite();
            long start = StatisticsClock.precise();
            tx.inevitableWaitSince = start;
            long patience = System.nanoTime() + BlockedInevitables.PATIENCE_NANOS;
            int round = 0;
            while (!InevitableToken.tryAcquire(tx.slot)) {
                if (tx.running && (tx.slot.killed || SerialMode.requested())) {
                    tx.inevitableWaitSince = 0;
                    tx.chargeInevitableWait(site, StatisticsClock.precise() - start);
                    throw tx.doom(AbortCause.INEVITABLE);
                }
                if (System.nanoTime() - patience > 0 && InevitableToken.takeOverFromBlockedHolder(tx.slot)) {
                    break;
                }
                round = Spin.pause(round);
            }
            tx.inevitableWaitSince = 0;
            tx.chargeInevitableWait(site, StatisticsClock.precise() - start);
        }
        holdsToken = true;
    }

    /** Takes the token before an attempt starts, standing aside while a holder runs alone. */
    void acquireTokenBetweenAttempts() {
        if (holdsToken) {
            return;
        }
        int site = InevitableToken.holderSite();
        long start = StatisticsClock.precise();
        tx.inevitableWaitSince = start;
        long patience = System.nanoTime() + BlockedInevitables.PATIENCE_NANOS;
        int round = 0;
        while (!InevitableToken.tryAcquire(tx.slot)) {
            tx.standAsideIfAsked();
            if (System.nanoTime() - patience > 0 && InevitableToken.takeOverFromBlockedHolder(tx.slot)) {
                break;
            }
            round = Spin.pause(round);
        }
        tx.inevitableWaitSince = 0;
        if (round > 0) {
            tx.chargeInevitableWait(site, StatisticsClock.precise() - start);
        }
        holdsToken = true;
    }

    void releaseToken() {
        if (holdsToken) {
            if (tx.serial) {
                tx.serial = false;
                tx.slot.runningAlone = false;
                SerialMode.exit();
            }
            holdsToken = false;
            InevitableToken.release(tx.slot);
        }
    }

    void awaitNoInevitable() {
        int site = InevitableToken.holderSite();
        long start = StatisticsClock.precise();
        tx.inevitableWaitSince = start;
        long patience = System.nanoTime() + BlockedInevitables.PATIENCE_NANOS;
        int round = 0;
        while (InevitableToken.isHeld() || BlockedInevitables.anyInevitable(tx.pool, tx.slot, true)) {
            if (System.nanoTime() - patience > 0 && !BlockedInevitables.anyInevitable(tx.pool, tx.slot, false)) {
                break; // those left are blocked in calls of their own, not stealing locks
            }
            tx.standAsideIfAsked();
            round = Spin.pause(round);
        }
        tx.inevitableWaitSince = 0;
        tx.chargeInevitableWait(site, StatisticsClock.precise() - start);
    }
}
