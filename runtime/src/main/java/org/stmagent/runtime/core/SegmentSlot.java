package org.stmagent.runtime.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Padding before the hot fields, so two slots never share a cache line. */
abstract class SegmentSlotPadBefore {
    long p01, p02, p03, p04, p05, p06, p07, p08;
}

/** The fields other threads read: who owns the slot, what its transaction is doing. */
abstract class SegmentSlotFields extends SegmentSlotPadBefore {
    static final int IDLE = 0;
    /** Running optimistically; the inevitable transaction may kill it. */
    static final int ACTIVE = 1;
    /** Validated or validating at commit; others wait for it instead of aborting. */
    static final int COMMITTING = 2;
    /** The one inevitable transaction: never killed, never aborted. */
    static final int INEVITABLE = 3;

    volatile Thread owner;
    /** The descriptor running in this slot; the inevitable transaction reads a killed one's lock log. */
    volatile Segment descriptor;
    volatile int status;
    /**
     * Set by the inevitable transaction to kill the attempt running here: an attempt that sees it
     * before it starts committing can no longer commit, and its locks may be stolen. Its own flag,
     * not a status, so that starting a commit is a store, not a CAS (see {@link SegmentSlot#kill}).
     */
    volatile boolean killed;
    /** Its transaction waits inside the runtime (for a lock, or for the others to drain). */
    volatile boolean waitingInRuntime;
    /**
     * Its transaction waits for an orec whose owner is blocked in a call of the program's own: it
     * is blocked by the program too (a region waiting for a monitor another region holds through a
     * {@code wait} or a {@code join}), and counts as such for {@link #ownerBlockedOutsideRuntime}.
     */
    volatile boolean waitingBehindBlocked;
    /** Its transaction runs alone, without locks: nobody else may become inevitable meanwhile. */
    volatile boolean runningAlone;
    /** Its transaction has no monitor of the original program: plain runs wait for it ({@link PlainRunExclusion}). */
    volatile boolean regionless;
    /** Its regionless transaction is counted in flight; written by the owner only. */
    boolean countedInFlight;
    /**
     * Attempts started in this slot, by whichever thread held it: their count tags the lock words
     * they write ({@link Orecs#attemptTag}), so two attempts in a row in one slot, even of
     * different threads, never write the same lock word. Written by the holder only, on this line
     * that the holder writes anyway (not beside the final fields that committers read).
     */
    int attempts;
}

/** Padding after the hot fields. */
abstract class SegmentSlotPadAfter extends SegmentSlotFields {
    long q01, q02, q03, q04, q05, q06, q07, q08;
}

/**
 * One of the N segments of the pool: the right to run one transaction at a time. Its id is what
 * locked orecs name; its status is how the inevitable transaction and waiting readers see the
 * transaction running in it.
 */
final class SegmentSlot extends SegmentSlotPadAfter {
    private static final VarHandle OWNER;
    private static final VarHandle STATUS;
    private static final VarHandle KILLED;
    private static final VarHandle REGIONLESS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OWNER = lookup.findVarHandle(SegmentSlotFields.class, "owner", Thread.class);
            STATUS = lookup.findVarHandle(SegmentSlotFields.class, "status", int.class);
            KILLED = lookup.findVarHandle(SegmentSlotFields.class, "killed", boolean.class);
            REGIONLESS = lookup.findVarHandle(SegmentSlotFields.class, "regionless", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int id;
    /** What the transaction in this slot publishes for committers: read limit, write-back in flight. */
    final PublishedState published = new PublishedState();
    /** The commits made in this slot, for snapshot extension. */
    final CommitRing commits = new CommitRing();

    SegmentSlot(int id) {
        this.id = id;
    }

    /** The holder starts an attempt: its number in this slot. */
    int nextAttempt() {
        return ++attempts;
    }

    boolean tryClaim(Thread thread) {
        return owner == null && OWNER.compareAndSet(this, (Thread) null, thread);
    }

    /**
     * Release stores, not full fences: other threads act on a slot's status only after seeing one
     * of its orec locks (taken by CAS), and the status a killer reads is set before any lock is taken.
     */
    void setStatus(int update) {
        STATUS.setRelease(this, update);
    }

    /**
     * Unmarks a regionless transaction with a release store, and only when marked: a thread that
     * sees the mark gone sees everything the transaction did, and the common case, a region's
     * transaction, pays no store at all (a volatile one would be a full fence after the write-back).
     */
    void endRegionless() {
        if (regionless) {
            REGIONLESS.setRelease(this, false);
        }
    }

    void free() {
        PlainRunExclusion.regionlessEnded(this);
        STATUS.setRelease(this, IDLE);
        OWNER.setRelease(this, (Thread) null);
    }

    /**
     * Whether the owner is blocked in a call of the program's own (waiting, timed waiting, or
     * blocked on a monitor) rather than in one of the runtime's waits, which mark themselves on
     * the slot, or waits behind such an owner. A transaction running alone is never taken for blocked.
     */
    boolean ownerBlockedOutsideRuntime() {
        Thread holder = owner;
        if (holder == null || runningAlone) {
            return false;
        }
        if (waitingBehindBlocked) {
            return true;
        }
        if (waitingInRuntime) {
            return false;
        }
        Thread.State state = holder.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    boolean compareAndSetStatus(int expected, int update) {
        return STATUS.compareAndSet(this, expected, update);
    }

    /** The owner, at the start of an attempt: no kill meant for an earlier one applies to it. */
    void clearKill() {
        KILLED.setRelease(this, false);
    }

    /**
     * The owner starts committing, unless it has been killed. A Dekker pair with {@link #kill}:
     * both sides store (sequentially consistent), then look at the other's word, so at least one
     * sees the other. Either the committer sees the kill and gives up, or the killer sees
     * {@code COMMITTING} and waits for the commit.
     */
    boolean startCommitUnlessKilled() {
        STATUS.setVolatile(this, COMMITTING);
        if (killed) {
            STATUS.setRelease(this, ACTIVE);
            return false;
        }
        return true;
    }

    /**
     * The owner starts a commit whose next step is the clock's tick, a full fence: the other half
     * of the Dekker pair with {@link #kill}, so the status is stored with release only. The owner
     * reads {@link #killed} after the tick and gives up if it is set: a killer that saw
     * {@code ACTIVE} steals its locks, one that saw {@code COMMITTING} waits for the rollback.
     */
    void markCommitting() {
        STATUS.setRelease(this, COMMITTING);
    }

    /**
     * The running attempt becomes inevitable, unless it has been killed: the same Dekker pair with
     * {@link #kill} as {@link #startCommitUnlessKilled}. A killer that sees {@code INEVITABLE}
     * waits; one that saw {@code ACTIVE} may have stolen locks, and the attempt then rolls back.
     * (Two inevitable transactions run at once when the token was taken over from a blocked one.)
     */
    boolean becomeInevitableUnlessKilled() {
        STATUS.setVolatile(this, INEVITABLE);
        if (killed) {
            STATUS.setRelease(this, ACTIVE);
            return false;
        }
        return true;
    }

    /**
     * The inevitable transaction kills the attempt running here (see {@link #startCommitUnlessKilled}).
     * True when the attempt is still running optimistically: it can no longer commit, and its locks
     * may be stolen. False when it started committing (or ended) first: wait for it.
     */
    boolean kill() {
        KILLED.setVolatile(this, true);
        return status == ACTIVE;
    }
}
