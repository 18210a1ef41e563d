package org.stmagent.runtime.core;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.RetryLimitExceededException;
import org.stmagent.runtime.settings.RuntimeSettings;
import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.ConflictLocation;
import org.stmagent.runtime.stats.Conflicts;
import org.stmagent.runtime.stats.FlightEvents;
import org.stmagent.runtime.stats.InevitableSites;
import org.stmagent.runtime.stats.Recording;
import org.stmagent.runtime.stats.Sites;
import org.stmagent.runtime.stats.Statistics;
import org.stmagent.runtime.stats.StatisticsClock;
import org.stmagent.runtime.stats.Tallies;
import org.stmagent.runtime.stats.ThreadStatistics;
import org.stmagent.runtime.stats.ThreadTimings;
import org.stmagent.runtime.stats.TimedState;

/**
 * A thread's transaction descriptor: read set, redo log with its lock log, allocation log, held
 * monitors and statistics. Each thread has one, made on its first transaction and reused for every
 * later one, so a running transaction allocates nothing once warmed up. While a transaction runs,
 * the descriptor occupies one {@link SegmentSlot} of the pool: the slot limits how many
 * transactions run at once and names the owner in locked orecs.
 *
 * <p>The algorithm (see docs/design.md): write-back with encounter-time locking over a table of
 * versioned ownership records and a global version clock. A read is valid when its orec is unlocked
 * and unchanged around the read and the clock still equals the snapshot; when the clock has moved,
 * the read set is revalidated and the snapshot extended, so no attempt ever sees an inconsistent
 * state (opacity). Commit ticks the clock, validates, writes back, releases, then waits for older
 * write-backs still in flight (privatization safety).
 */
public final class Segment {
    /** An attempt that touched this many locations is large: retrying it optimistically is costly. */
    private static final int LARGE_ATTEMPT = 512;
    private static final int LARGE_ABORTS_BEFORE_INEVITABLE = 1;

    /** Read sets up to this size are validated orec by orec, larger ones through the commit log. */
    private static final int SMALL_READ_SET = 32;

    private static final int IN_PLACE = -1;
    private static final int NOT_INEVITABLE = -1;
    private static final long OWNED = -1L;

    // ---- read on every barrier: keep together
    /**
     * What the slot this descriptor runs in publishes; its read limit is what the barriers' fast
     * paths compare orec versions with.
     */
    PublishedState published = new PublishedState();
    private final ReadSet reads = new ReadSet();
    /** The version every value read so far belongs to (see {@link #extendSnapshot}). */
    private long snapshot;
    /** True while running optimistically and not doomed. */
    private boolean optimistic;

    // ---- the rest of the descriptor
    private final WriteLog writes = new WriteLog();
    private final AllocationLog allocations = new AllocationLog();
    private final CounterDeltas counters = new CounterDeltas();
    /** How long a committer waits for another committer's lock on a counter (see {@link #applyCounters}). */
    private static final int COUNTER_LOCK_ROUNDS = 256;
    private final HeldMonitors monitors = new HeldMonitors();
    private final List<Object> pendingNotifications = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterAbort = new ArrayList<>();
    private final UndoLog undo = new UndoLog();
    private final Thread thread = Thread.currentThread();
    private final RunningThreads.Membership membership = RunningThreads.join(thread);
    private final ThreadStatistics stats = Statistics.register(thread);
    private final ThreadTimings timings = new ThreadTimings();
    private final Map<Conflicts.Conflict, Tallies.Tally> conflicts = Conflicts.TALLIES.forThread(thread);
    private final Map<Integer, Tallies.Tally> inevitableWaits = InevitableSites.TALLIES.forThread(thread);

    // for the conflict report: the location and site a slow path is working on, and what failed
    private Object accessHolder;
    private long accessOffset;
    private int accessSite;
    /** The program's last call into a JDK collection's twin in this attempt, for the report ({@link Sites#via}). */
    private int jdkCallSite;
    /** (site, call) -> combined site, direct-mapped: a transaction meets the same few pairs over and over. */
    private final int[] viaSites = new int[VIA_CACHE];
    private final int[] viaCalls = new int[VIA_CACHE];
    private final int[] viaResults = new int[VIA_CACHE];
    private static final int VIA_CACHE = 64;
    private ConflictLocation conflictAt;
    private int conflictWonSite;
    private int failedOrec = -1;
    private final SegmentPool pool = SegmentPool.instance();
    private final int inevitableAfter = RuntimeSettings.inevitableAfter();

    private SegmentSlot slot;
    private Segment whileSuspended;
    private int lastSlotId;
    private boolean running;
    private boolean inevitable;
    private boolean holdsToken;
    /** Running alone (see {@link SerialMode}): memory is read and written directly. */
    private boolean serial;
    /** The running transaction has no monitor of the original program ({@link PlainRunExclusion}). */
    private boolean regionless;
    /** Whether the next attempt asks to run alone. */
    private boolean nextAttemptSerial;
    /** The site the next attempt runs inevitable for, or NOT_INEVITABLE. */
    private int nextAttemptInevitable = NOT_INEVITABLE;
    private TransactionAbort doomed;
    private int aborts;
    /** Retries after rolled-back attempts before the transaction gives up ({@code Integer.MAX_VALUE}: never). */
    private int retries;
    /** Whether an exception leaving the region rolls it back (instead of committing it). */
    private boolean rollbackOnException;

    // ---- plain mode (see AdaptiveSites, PlainMonitors)
    private static final int NO_SITE = -1;
    private WeakReference<Object> lastPlainMonitor = new WeakReference<>(null);
    private int lastPlainMonitorOrec;
    /** The plain runs this thread is inside; shared with the descriptor used while suspended. */
    private PlainHolder plainHolder;
    private AdaptiveSites.Window siteWindow;
    /** The synchronized method whose transaction runs (it can run plainly instead), or NO_SITE. */
    private int regionSite = NO_SITE;
    /** That region's monitor and its signal orec, or -1. */
    private Object regionMonitor;
    private int regionOrec = -1;
    /** The signal orec of a monitor in plain mode the attempt gave way to, or -1. */
    private int metPlainOrec = -1;
    /** What this transaction did that a plain run of its site could not join, or null. */
    private String unjoinable;
    /** Whether the transaction waited for another's commit to release what it touched (contention). */
    private boolean waitedForCommit;
    /** Whether the runtime made the running attempt inevitable because earlier ones rolled back. */
    private boolean ranAloneAfterAborts;
    private int random = 0x9E3779B9 ^ (int) thread.getId();

    Segment() {
    }

    // =================================================================== lifecycle

    public boolean running() {
        return running;
    }

    /** The id of the segment slot the running transaction occupies. */
    public int slotId() {
        return slot.id;
    }

    public boolean isInevitable() {
        return inevitable;
    }

    /** Whether the running attempt runs alone ({@link SerialMode}). */
    boolean isSerial() {
        return serial;
    }


    /** The thread's second descriptor, for transactions started while this one is suspended. */
    Segment descriptorWhileSuspended() {
        if (whileSuspended == null) {
            whileSuspended = new Segment();
            whileSuspended.plainHolder = plainHolder();
        }
        return whileSuspended;
    }

    /** Starts an outermost transaction: claims a slot, then the first attempt. */
    public Segment begin() {
        return begin(Integer.MAX_VALUE, false);
    }

    /**
     * Starts an outermost transaction that gives up when an attempt is rolled back after
     * {@code retryLimit} retries and, with {@code rollbackOnFailure}, is rolled back by an exception
     * leaving it.
     */
    public Segment begin(int retryLimit, boolean rollbackOnFailure) {
        return begin(retryLimit, rollbackOnFailure, false);
    }

    /** Starts an outermost transaction; {@code region}: of a monitor's region, which plain runs do not wait for. */
    private Segment begin(int retryLimit, boolean rollbackOnFailure, boolean region) {
        if (running) {
            throw new IllegalStateException("a transaction is already running on this thread");
        }
        retries = retryLimit;
        rollbackOnException = rollbackOnFailure;
        metPlainOrec = -1;
        unjoinable = null;
        if (inPlainRun()) {
            AdaptiveSites.neverPlain(plainHolder.innermostSite(),
                    "ran a transaction inside a plain run (a synchronized block or @Atomic method in a callee)");
        }
        // inside a plain run a transaction is part of it; other plain runs exclude a regionless one
        regionless = !region && !inPlainRun();
        waitedForCommit = false;
        running = true;
        membership.enter();
        timings.transactionStarts();
        claimSlot(TimedState.OUTSIDE_TRANSACTION, StatisticsClock.now());
        aborts = 0;
        startAttempt();
        return this;
    }

    /**
     * A {@code synchronized} method called outside transactions: begins its transaction, or enters
     * a plain run of it and returns null, when the site or its monitor is in plain mode, or when the
     * thread already runs plainly (inside a plain run everything runs plainly, as the original code).
     */
    public Segment beginUnlessPlain(Object monitor, int site) {
        if (AdaptiveSites.ENABLED) {
            int orec = AdaptiveSites.runsPlain(site) ? plainMonitorOrec(monitor) : Orecs.monitorIndex(monitor);
            PlainHolder holder = plainHolder;
            // a site that did what a plain run cannot join stays a transaction, and makes the monitor transactional
            boolean joins = AdaptiveSites.mayRunPlain(site);
            if (holder != null && holder.depth() > 0) {
                enterNestedPlain(holder, monitor, orec, site);
                return null;
            }
            if (joins && (AdaptiveSites.runsPlain(site) || PlainMonitors.invitesPlain(Orecs.get(orec)))
                    && enterOutermostPlain(monitor, orec, site)) {
                return null;
            }
            begin(Integer.MAX_VALUE, false, true);
            regionSite = site;
            regionMonitor = monitor;
            regionOrec = joins ? orec : -1;
            return this;
        }
        return begin(Integer.MAX_VALUE, false, true);
    }

    /**
     * The signal orec of a switched site's monitor, from a one-entry cache: a contended monitor is
     * inflated, and its identity hash is then a call into the JVM that reads the lock's own line.
     * The reference is weak: a descriptor keeps nothing alive.
     */
    private int plainMonitorOrec(Object monitor) {
        if (lastPlainMonitor.get() != monitor) {
            lastPlainMonitor = new WeakReference<>(monitor);
            lastPlainMonitorOrec = Orecs.monitorIndex(monitor);
        }
        return lastPlainMonitorOrec;
    }

    /** Whether the thread runs plainly: inside a region's original code, under its real lock. */
    public boolean inPlainRun() {
        return plainHolder != null && plainHolder.depth() > 0;
    }

    /**
     * Begins an outermost plain run; false, nothing entered, when a regionless transaction still in
     * flight keeps it out ({@link PlainRunExclusion}): the region then runs as a transaction.
     */
    private boolean enterOutermostPlain(Object monitor, int orec, int site) {
        PlainRunExclusion.awaitNoPending();
        PlainHolder holder = plainHolder();
        if (!PlainMonitors.enter(this, holder, monitor, orec, site)) {
            return false;
        }
        if (!PlainRunExclusion.admitPlainRun()) { // after the holder shows the run: see PlainRunExclusion
            PlainMonitors.exit(holder);
            return false;
        }
        return true;
    }

    /**
     * A plain region inside a plain run: no regionless transaction is in flight (the outermost run
     * waited for them, and new ones see this thread inside), so a switch of its monitor succeeds.
     */
    private void enterNestedPlain(PlainHolder holder, Object monitor, int orec, int site) {
        while (!PlainMonitors.enter(this, holder, monitor, orec, site)) {
            Thread.onSpinWait();
        }
    }

    /** A monitor entered by plain code (inside a plain run): its monitor joins plain mode too. */
    public void enterPlainMonitor(Object monitor, int site) {
        int orec = Orecs.monitorIndex(monitor);
        if (inPlainRun()) {
            enterNestedPlain(plainHolder, monitor, orec, site);
        } else {
            while (!enterOutermostPlain(monitor, orec, site)) {
                Thread.onSpinWait(); // the real lock is held already: this code cannot run as a transaction
            }
        }
    }

    /** The end of a plain run begun by {@link #beginUnlessPlain}; may switch its monitor back to transactions. */
    public void endPlain() {
        PlainHolder holder = plainHolder;
        int orec = holder.innermostOrec();
        int site = holder.innermostSite();
        PlainMonitors.exit(holder);
        if (holder.depth() == 0) {
            int cause = PlainMonitors.causeOf(Orecs.get(orec));
            if (cause >= 0 && AdaptiveSites.plainRunEnded(siteWindow(), site, cause)) {
                PlainMonitors.drain(orec, holder);
            }
        }
    }

    /**
     * After a rolled-back attempt of a region {@link #beginUnlessPlain} began: true when it gave way
     * to its own monitor's plain mode; then the transaction is over, a plain run has begun (as
     * {@code beginUnlessPlain} begins one), and the caller runs the region's original code. False
     * when the region runs again as a transaction (a fresh one, if a regionless transaction in
     * flight kept the plain run out).
     */
    public boolean leaveForPlain() {
        if (metPlainOrec < 0 || metPlainOrec != regionOrec) {
            return false;
        }
        Object monitor = regionMonitor;
        int orec = regionOrec;
        int site = regionSite;
        metPlainOrec = -1;
        abandon(); // first: what holds up the switch or the plain mode may wait for this slot
        // a region's transaction never runs inside a plain run: beginUnlessPlain runs those plainly
        if (enterOutermostPlain(monitor, orec, site)) {
            return true;
        }
        // a regionless transaction is in flight: the region goes on as a new transaction
        begin(Integer.MAX_VALUE, false, true);
        regionSite = site;
        regionMonitor = monitor;
        regionOrec = orec;
        return false;
    }

    private PlainHolder plainHolder() {
        if (plainHolder == null) {
            plainHolder = PlainHolder.register();
        }
        return plainHolder;
    }

    private AdaptiveSites.Window siteWindow() {
        if (siteWindow == null) {
            siteWindow = new AdaptiveSites.Window();
        }
        return siteWindow;
    }

    private void claimSlot(TimedState before, long now) {
        stats.chargeUntil(before, now);
        acquireSlot();
    }

    /** Claims a slot, waiting for one if all are taken, and standing aside while a serial transaction runs. */
    private void acquireSlot() {
        while (true) {
            SegmentSlot claimed = pool.tryClaim(thread, lastSlotId);
            if (claimed == null) {
                long start = StatisticsClock.precise();
                claimed = pool.claim(thread, lastSlotId);
                chargeWait(TimedState.WAIT_FREE_SEGMENT, StatisticsClock.precise() - start);
            }
            if (regionless && mustStandAsideForPlainRuns(claimed)) {
                continue;
            }
            if (!SerialMode.requested()) { // read after the claim's CAS: see SerialMode
                if (claimed.descriptor != this) {
                    claimed.descriptor = this;
                }
                published = claimed.published;
                slot = claimed;
                lastSlotId = claimed.id;
                return;
            }
            pool.release(claimed);
            awaitSerialEnd();
        }
    }

    /**
     * A regionless transaction that has just claimed {@code claimed}: marks it, then gives it back
     * and waits if plain runs are active (see {@link PlainRunExclusion}); true when it did.
     */
    private boolean mustStandAsideForPlainRuns(SegmentSlot claimed) {
        if (PlainRunExclusion.admitRegionless(claimed)) {
            return false;
        }
        pool.release(claimed);
        long start = StatisticsClock.precise();
        PlainRunExclusion.awaitNoPlainRuns();
        chargeWait(TimedState.WAIT_PLAIN_RUN, StatisticsClock.precise() - start);
        return true;
    }

    /**
     * Between attempts, holding no lock: gives the slot back while a serial transaction runs, or
     * while a regionless transaction would overlap plain runs, then claims one again.
     */
    private void standAsideIfAsked() {
        if (SerialMode.requested() || (regionless && PlainHolder.anyInside())) {
            SegmentSlot mine = slot;
            slot = null;
            pool.release(mine);
            awaitSerialEnd();
            acquireSlot();
        }
    }

    private void awaitSerialEnd() {
        int site = InevitableToken.holderSite();
        long start = StatisticsClock.precise();
        int round = 0;
        while (SerialMode.requested()) {
            round = Spin.pause(round);
        }
        chargeInevitableWait(site, StatisticsClock.precise() - start);
    }

    private void startAttempt() {
        timings.attemptStarts();
        jdkCallSite = Sites.UNKNOWN;
        doomed = null;
        if (nextAttemptInevitable != NOT_INEVITABLE || aborts >= inevitableAfter) {
            int site = nextAttemptInevitable != NOT_INEVITABLE ? nextAttemptInevitable : Sites.AFTER_ABORTS;
            ranAloneAfterAborts = aborts > 0 && site != Sites.AFTER_WAIT;
            Object event = FlightEvents.inevitableStart();
            acquireTokenBetweenAttempts();
            if (nextAttemptSerial) {
                InevitableToken.holdFor(Sites.LARGE_ATTEMPT); // those who stand aside wait for this site
                long start = StatisticsClock.precise();
                slot.waitingInRuntime = true;
                serial = SerialMode.enter(pool, slot);
                slot.waitingInRuntime = false;
                slot.runningAlone = serial;
                chargeWait(TimedState.WAIT_INEVITABLE, StatisticsClock.precise() - start);
                site = serial ? Sites.LARGE_ATTEMPT : Sites.LARGE_ATTEMPT_LOCKING;
                nextAttemptSerial = false;
            }
            markInevitable(site);
            FlightEvents.inevitableEnd(event, site);
            slot.setStatus(SegmentSlotFields.INEVITABLE);
            inevitable = true;
            leaveFastPath();
            snapshot = VersionClock.now();
            if (serial) {
                // alone, nothing changes under us: the barriers' fast path reads memory as it is
                published.publishSnapshot(PublishedState.UNLIMITED);
            }
        } else {
            ranAloneAfterAborts = false;
            slot.setStatus(SegmentSlotFields.ACTIVE);
            inevitable = false;
            optimistic = true;
            snapshot = VersionClock.now();
            // a full fence before the first read: a committer that does not see this snapshot has
            // released its locks before any of our reads, which then find its new versions
            published.publishSnapshot(snapshot);
        }
    }

    /** The barriers' fast paths no longer apply: inevitable, doomed, or done. */
    private void leaveFastPath() {
        optimistic = false;
        published.closeFastPath();
    }

    /** Commits, or rolls back and starts the next attempt; true when committed. */
    public boolean commitOrRestart() {
        try {
            commit();
        } catch (TransactionAbort abort) {
            restartAfter(abort);
            return false;
        }
        finishCommitted();
        return true;
    }

    /** Rolls the attempt back, waits a little, and starts the next one. */
    public void restartAfter(TransactionAbort abort) {
        AbortCause cause = abort.abortCause();
        long lost = stats.chargeUntil(cause.state(), StatisticsClock.now());
        Conflicts.Conflict conflict = Recording.ON ? whatConflicted(cause) : null;
        if (conflict != null) {
            Conflicts.charge(conflicts, conflict, lost);
        }
        long start = StatisticsClock.precise();
        boolean large = reads.size() + writes.lockCount() >= LARGE_ATTEMPT;
        rollback();
        aborts++;
        FlightEvents.abort(cause, aborts, conflict);
        runAfterAbort();
        if (aborts > retries) {
            endTransaction();
            throw new RetryLimitExceededException(aborts);
        }
        if (large && aborts >= LARGE_ABORTS_BEFORE_INEVITABLE) {
            // re-running a big attempt wastes more than running it alone
            nextAttemptInevitable = Sites.LARGE_ATTEMPT;
            nextAttemptSerial = true;
        }
        stats.chargeInterval(TimedState.BOOKKEEPING, StatisticsClock.precise() - start);
        standAsideIfAsked();
        if (cause == AbortCause.INEVITABLE) {
            awaitNoInevitable(); // a killed transaction must not lock again before its killer ends
        }
        if (metPlainOrec >= 0 && metPlainOrec != regionOrec) {
            // a monitor this region cannot run plainly: wait, holding no lock, until it is transactional
            int orec = metPlainOrec;
            metPlainOrec = -1;
            PlainMonitors.drain(orec, plainHolder);
        }
        backoff();
        startAttempt();
    }

    private void finishCommitted() {
        if (regionSite != NO_SITE) {
            if (unjoinable != null) {
                AdaptiveSites.neverPlain(regionSite, unjoinable);
            } else {
                AdaptiveSites.committed(siteWindow(), regionSite, aborts, ranAloneAfterAborts, waitedForCommit);
            }
        }
        stats.chargeUntil(TimedState.RUN_COMMITTED, StatisticsClock.now());
        timings.transactionCommitted(aborts + 1);
        clearLogs();
        monitors.clear();
        afterAbort.clear();
        endTransaction();
        MonitorConditions.deliver(pendingNotifications);
        runAfterCommit();
    }

    /** The transaction is over (committed, or rolled back for good): gives the slot back. */
    private void endTransaction() {
        running = false;
        regionSite = NO_SITE;
        regionMonitor = null;
        regionOrec = -1;
        membership.exit();
        inevitable = false;
        leaveFastPath();
        nextAttemptInevitable = NOT_INEVITABLE;
        nextAttemptSerial = false;
        SegmentSlot done = slot;
        slot = null;
        pool.release(done);
    }

    /** Whether an exception leaving the region rolls the transaction back. */
    public boolean rollsBackOnException() {
        return rollbackOnException;
    }

    /**
     * Rolls the whole transaction back and ends it, for an exception leaving a region that rolls
     * back on exceptions. Memory an inevitable attempt wrote in place is restored from the undo log.
     */
    public void abandon() {
        stats.chargeUntil(TimedState.RUN_ABORTED_OTHER, StatisticsClock.now());
        rollback();
        endTransaction();
        runAfterAbort();
    }

    // =================================================================== commit

    /** Commits the current attempt; throws {@link TransactionAbort} (nothing rolled back yet) on failure. */
    void commit() {
        throwIfDoomed();
        if (inevitable) {
            commitInevitable(); // its counters were applied in place when it became inevitable
            return;
        }
        if (writes.lockCount() == 0 && counters.isEmpty()) {
            // Read-only: the snapshot was consistent all along, and every commit it depends on
            // finished writing back before releasing what this attempt read (see Privatization).
            return;
        }
        if (!slot.compareAndSetStatus(SegmentSlotFields.ACTIVE, SegmentSlotFields.COMMITTING)) {
            throw doom(AbortCause.INEVITABLE); // killed by the inevitable transaction
        }
        if (!counters.isEmpty()) {
            applyCounters(); // committing: others who meet these locks wait instead of giving way
        }
        published.markWriteback(VersionClock.WRITEBACK_PENDING);
        long version = VersionClock.tick();
        published.markWriteback(version);
        slot.commits.publish(version, writes); // before validating: readers never wait for that
        if (version != snapshot + 1 && !TestHooks.BROKEN_VALIDATION && !readsUntouched(snapshot, version - 1)) {
            published.markWriteback(0);
            throw doom(AbortCause.WRITE_READ);
        }
        writes.writeBack();
        Privatization.awaitPredecessors(pool, slot, version, writes);
        releaseLocks(Orecs.unlockedWord(version));
        published.markWriteback(0);
        Privatization.requestRevalidation(pool, slot, version);
    }

    /**
     * Releases what the inevitable transaction wrote at the new version, and what it only locked to
     * read at the version it had: a reader of that location must not be invalidated for nothing.
     */
    private void commitInevitable() {
        published.markWriteback(VersionClock.WRITEBACK_PENDING); // readers extending wait for the entry
        long version = VersionClock.tick();
        published.markWriteback(version);
        slot.commits.publish(version, writes);
        published.markWriteback(0);
        Privatization.awaitPredecessors(pool, slot, version, writes);
        long written = Orecs.unlockedWord(version);
        for (int e = 0, n = writes.lockCount(); e < n; e++) {
            Orecs.release(writes.lockedOrec(e), writes.written(e) ? written : writes.previousWord(e));
        }
        releaseToken();
        Privatization.requestRevalidation(pool, slot, version);
    }

    /**
     * Racy, for another thread's commit ({@link Privatization}): whether this attempt, frozen in its
     * own commit, read an orec {@code writes} wrote; true also when the read set is too large to search.
     */
    boolean readAnyOf(WriteLog writes, int searchLimit) {
        return reads.intersectsWritten(writes, searchLimit);
    }

    private void releaseLocks(long word) {
        for (int e = 0, n = writes.lockCount(); e < n; e++) {
            Orecs.release(writes.lockedOrec(e), word);
        }
    }

    private void rollback() {
        if (!inevitable) {
            int id = slot.id;
            for (int e = 0, n = writes.lockCount(); e < n; e++) {
                // a lock the inevitable transaction stole is no longer ours to restore
                Orecs.compareAndSet(writes.lockedOrec(e), Orecs.lockedWord(id, e), writes.previousWord(e));
            }
        } else {
            // a failed switch to inevitable, or a transaction abandoned after an exception: the
            // locks were all taken by us, and what was written in place goes back first
            undo.restore();
            for (int e = 0, n = writes.lockCount(); e < n; e++) {
                Orecs.release(writes.lockedOrec(e), writes.previousWord(e));
            }
        }
        releaseToken();
        clearLogs();
        monitors.clear();
        MonitorConditions.forget(pendingNotifications);
        afterCommit.clear();
        slot.setStatus(SegmentSlotFields.ACTIVE);
        inevitable = false; // the attempt is over
        leaveFastPath();
    }

    /**
     * For the conflict report, before the logs are cleared: the location the failed attempt lost
     * on, its access there and the winner's write, best effort.
     */
    private Conflicts.Conflict whatConflicted(AbortCause cause) {
        ConflictLocation where;
        int lost;
        int won;
        if (conflictAt != null) { // found held by another transaction at access
            where = conflictAt;
            lost = accessSite;
            won = conflictWonSite;
        } else if (failedOrec >= 0) { // a read found overwritten at validation
            CommitLog.Write write = CommitLog.findWrite(failedOrec, VersionClock.now());
            where = write.location();
            lost = reads.siteOf(failedOrec);
            won = write.site();
        } else {
            where = ConflictLocation.of(accessHolder, accessOffset);
            lost = accessSite;
            won = Sites.UNKNOWN;
        }
        if (cause == AbortCause.INEVITABLE) {
            won = conflictWonSite; // the site that made the killer inevitable, noted when killed
        }
        lost = withVia(lost);
        if (where == ConflictLocation.UNKNOWN) {
            where = ConflictLocation.ofSite(lost); // gone from the commit log: what the losing access touched
        }
        conflictAt = null;
        failedOrec = -1;
        conflictWonSite = Sites.UNKNOWN;
        return new Conflicts.Conflict(where, cause, lost, won);
    }

    /** Called by the commit log when an orec of the read set was written in between. */
    void readWasOverwritten(int orec) {
        failedOrec = orec;
    }

    /** Forgets the attempt's logs, and every object they name: a finished transaction keeps nothing alive. */
    private void clearLogs() {
        counters.clear();
        reads.clear();
        writes.clear();
        allocations.clear();
        undo.clear();
        accessHolder = null;
    }

    /**
     * Whether nothing read so far was written by a commit with a version in {@code (from, to]}:
     * from the commit log when it can tell, otherwise by checking every orec read.
     */
    private boolean readsUntouched(long from, long to) {
        if (reads.size() <= SMALL_READ_SET) {
            return readsStillValid(); // a few orecs of our own: cheaper than other threads' log entries
        }
        Boolean untouched = CommitLog.untouchedBetween(from, to, reads, this, slot);
        return untouched != null ? untouched : readsStillValid();
    }

    private boolean readsStillValid() {
        int id = slot.id;
        for (int i = 0, n = reads.size(); i < n; i++) {
            long word = Orecs.get(reads.get(i));
            if (Orecs.isLocked(word) ? Orecs.owner(word) != id : Orecs.version(word) > snapshot) {
                failedOrec = reads.get(i);
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
    private void extendSnapshot() {
        while (true) {
            long now = VersionClock.now();
            if (now != snapshot && !TestHooks.BROKEN_VALIDATION && !readsUntouched(snapshot, now)) {
                throw doom(AbortCause.WRITE_READ);
            }
            snapshot = now;
            published.publishSnapshot(now);
            if (VersionClock.now() == now) {
                return;
            }
        }
    }

    private TransactionAbort doom(AbortCause cause) {
        if (cause == AbortCause.INEVITABLE) {
            conflictWonSite = InevitableToken.holderSite();
        }
        leaveFastPath();
        doomed = TransactionAbort.of(cause);
        return doomed;
    }

    private void throwIfDoomed() {
        if (doomed != null) {
            throw doomed;
        }
    }

    private void throwIfKilled() {
        if (slot.status == SegmentSlotFields.KILLED) {
            throw doom(AbortCause.INEVITABLE);
        }
    }

    // =================================================================== reads

    /**
     * The barriers' fast-path check, after loading a value between two looks at its orec: unlocked,
     * unchanged, and no newer than the read limit, which is loaded after the value (a committer
     * that closed it before this thread's view of privatized data changed is seen here).
     */
    public boolean validRead(int orec, long before, int site) {
        UnsafeApi.loadFence();
        if (Orecs.get(orec) != before || !Orecs.readableUnder(before, published.readLimit)) {
            return false;
        }
        reads.add(orec, site);
        return true;
    }

    public long readBits(Object holder, long offset, byte kind, int site) {
        noteAccess(holder, offset, site);
        int orec = Orecs.index(holder, offset);
        while (true) {
            long word = readableWord(orec);
            if (word == OWNED) {
                int buffered = bufferedWrite(orec, holder, offset);
                return buffered >= 0 ? writes.bits(buffered) : Kind.loadBits(holder, offset, kind);
            }
            long value = Kind.loadBits(holder, offset, kind);
            if (confirmRead(orec, word)) {
                return value;
            }
        }
    }

    public Object readReference(Object holder, long offset, int site) {
        noteAccess(holder, offset, site);
        int orec = Orecs.index(holder, offset);
        while (true) {
            long word = readableWord(orec);
            if (word == OWNED) {
                int buffered = bufferedWrite(orec, holder, offset);
                return buffered >= 0 ? writes.reference(buffered) : Kind.loadReference(holder, offset);
            }
            Object value = Kind.loadReference(holder, offset);
            if (confirmRead(orec, word)) {
                return value;
            }
        }
    }

    /** An unlocked orec word to read under, or OWNED when this transaction holds the orec. */
    private long readableWord(int orec) {
        while (true) {
            throwIfDoomed();
            throwIfKilled();
            if (inevitable) {
                if (!serial) {
                    lockOrec(orec, false, accessHolder, accessOffset, accessSite);
                }
                return OWNED;
            }
            long word = Orecs.get(orec);
            if (!Orecs.isLocked(word)) {
                return word;
            }
            if (Orecs.owner(word) == slot.id) {
                return OWNED;
            }
            awaitOrAbort(orec, word, AbortCause.WRITE_READ);
        }
    }

    private boolean confirmRead(int orec, long word) {
        UnsafeApi.loadFence();
        if (Orecs.get(orec) != word) {
            return false;
        }
        if (Orecs.version(word) > snapshot || published.readLimit != snapshot) {
            extendSnapshot(); // newer than the snapshot, or a committer asked for revalidation
            return false; // read again under the extended snapshot
        }
        reads.add(orec, accessSite);
        return true;
    }

    private int bufferedWrite(int orec, Object holder, long offset) {
        if (inevitable) {
            return -1; // inevitable writes go straight to memory
        }
        return writes.find(Orecs.lockEntry(Orecs.get(orec)), holder, offset);
    }

    /**
     * Reads the monitor's signal word: a location that holds nothing, read when a region enters
     * the monitor and written by a region that notifies on it. A notifier that commits while this
     * region is inside the monitor invalidates it, so it cannot wait for a notification that has
     * already been delivered; an inevitable region holds the word locked, as it would hold the lock.
     */
    public void readMonitorWord(Object monitor) {
        int orec = Orecs.monitorIndex(monitor);
        if (regionSite != NO_SITE && unjoinable == null && !monitors.isOutermost(monitor)) {
            unjoinable = "entered another monitor";
        }
        if (validRead(orec, Orecs.get(orec), Sites.MONITOR)) {
            return; // the barriers' fast path: there is no value to load
        }
        noteAccess(monitor, ConflictLocation.MONITOR_WORD, Sites.MONITOR);
        if (PlainMonitors.isPlain(Orecs.get(orec)) && keptFromPlain(monitor, orec)) {
            return;
        }
        try {
            long word;
            do {
                word = readableWord(orec);
            } while (word != OWNED && !confirmRead(orec, word));
        } catch (TransactionAbort abort) {
            // A converted block enters its monitor before the range whose handler retries it: the
            // attempt stays doomed, and its next barrier or its commit rolls it back.
        }
    }

    /** Writes the monitor's signal word (see {@link #readMonitorWord}): locks it, buffers nothing. */
    void writeMonitorWord(Object monitor) {
        noteAccess(monitor, ConflictLocation.MONITOR_WORD, Sites.MONITOR);
        int orec = Orecs.monitorIndex(monitor);
        if (PlainMonitors.isPlain(Orecs.get(orec)) && keptFromPlain(monitor, orec)) {
            return;
        }
        writableEntry(orec);
    }

    /**
     * The monitor is in plain mode. True when the region must leave its signal word alone: this
     * thread runs the monitor plainly (it excludes the others already), or the attempt is doomed
     * and gives way. An inevitable attempt cannot give way: it waits until the plain runs have left
     * and the monitor is transactional again, then uses the word as usual (false).
     */
    private boolean keptFromPlain(Object monitor, int orec) {
        if (plainHolder != null && plainHolder.holds(orec, 0)) {
            return true;
        }
        if (inevitable) {
            PlainMonitors.drain(orec, plainHolder);
            return false;
        }
        metPlainOrec = orec;
        conflictAt = ConflictLocation.of(monitor, ConflictLocation.MONITOR_WORD);
        doom(AbortCause.OTHER); // the next barrier or the commit rolls the attempt back
        return true;
    }

    // =================================================================== writes

    public void writeBits(Object holder, long offset, byte kind, long bits, int site) {
        noteAccess(holder, offset, site);
        if (allocations.contains(holder)) {
            Kind.storeBits(holder, offset, kind, bits);
            return;
        }
        int entry = writableEntry(Orecs.index(holder, offset));
        if (entry == IN_PLACE) {
            if (rollbackOnException) {
                undo.save(holder, offset, kind);
            }
            Kind.storeBits(holder, offset, kind, bits);
        } else {
            writes.put(entry, holder, offset, kind, bits, null);
        }
    }

    public void writeReference(Object holder, long offset, Object value, int site) {
        noteAccess(holder, offset, site);
        if (allocations.contains(holder)) {
            Kind.storeReference(holder, offset, value);
            return;
        }
        int entry = writableEntry(Orecs.index(holder, offset));
        if (entry == IN_PLACE) {
            if (rollbackOnException) {
                undo.save(holder, offset, Kind.REFERENCE);
            }
            Kind.storeReference(holder, offset, value);
        } else {
            writes.put(entry, holder, offset, Kind.REFERENCE, 0, value);
        }
    }

    /** Locks the orec for writing (encounter time); returns the lock entry, or IN_PLACE when inevitable. */
    private int writableEntry(int orec) {
        while (true) {
            throwIfDoomed();
            throwIfKilled();
            if (inevitable) {
                if (!serial) {
                    lockOrec(orec, false, accessHolder, accessOffset, accessSite);
                    writes.markWritten(Orecs.lockEntry(Orecs.get(orec)));
                }
                return IN_PLACE;
            }
            long word = Orecs.get(orec);
            if (Orecs.isLocked(word)) {
                if (Orecs.owner(word) == slot.id) {
                    return Orecs.lockEntry(word);
                }
                awaitOrAbort(orec, word, AbortCause.WRITE_WRITE);
                continue;
            }
            if (Orecs.version(word) > snapshot) {
                extendSnapshot(); // what is in memory under a lock we hold must match the snapshot
                continue;
            }
            // the entry is filled before the CAS publishes it: the inevitable transaction may read it
            int entry = writes.addLock(orec, word, accessHolder, accessOffset, accessSite, true);
            if (Orecs.compareAndSet(orec, word, Orecs.lockedWord(slot.id, entry))) {
                return entry;
            }
            writes.removeLastLock();
        }
    }

    // =================================================================== counters

    /**
     * {@code field += delta} on a counter field ({@code HashMap.size}): applied at once when the
     * attempt is inevitable, owns the field's orec or built the object; otherwise kept as a pending
     * increment, added to the committed value at commit (see {@link CounterDeltas}). Returns the
     * field's new value as this attempt sees it: exact in the first case; in the second, the value
     * in memory now plus the pending increment, which other commits may change before this one.
     */
    public int addToCounter(Object holder, long offset, int delta, int site) {
        if (inevitable || allocations.contains(holder) || ownsOrecOf(holder, offset)) {
            settleCounter(holder, offset, site);
            int value = (int) readBits(holder, offset, Kind.INT, site) + delta;
            writeBits(holder, offset, Kind.INT, value, site);
            return value;
        }
        int pending = counters.add(holder, offset, delta, site);
        return UnsafeApi.getIntVolatile(holder, offset) + pending;
    }

    /**
     * Before any other read or write of a counter field: its pending increment becomes an ordinary
     * read and write, so the attempt sees the exact value from here on.
     */
    public void settleCounter(Object holder, long offset, int site) {
        if (counters.isEmpty()) {
            return;
        }
        int delta = counters.remove(holder, offset);
        if (delta != 0) {
            int value = (int) readBits(holder, offset, Kind.INT, site) + delta;
            writeBits(holder, offset, Kind.INT, value, site);
        }
    }

    /**
     * Adds every pending increment to the committed value, under the field's orec. Becoming
     * inevitable: in place. Committing: buffered, written back with the rest; another committer
     * holding the orec is waited for a while (two committers may each hold what the other needs),
     * an owner still running is given way to.
     */
    private void applyCounters() {
        for (int i = 0, n = counters.size(); i < n; i++) {
            int delta = counters.delta(i);
            if (delta == 0) {
                continue; // added and taken back: nothing to write, nothing to lock
            }
            Object holder = counters.holder(i);
            long offset = counters.offset(i);
            noteAccess(holder, offset, counters.site(i));
            int orec = Orecs.index(holder, offset);
            if (inevitable) {
                writableEntry(orec); // locks in place
                if (rollbackOnException) {
                    undo.save(holder, offset, Kind.INT);
                }
                Kind.storeBits(holder, offset, Kind.INT, UnsafeApi.getIntVolatile(holder, offset) + delta);
            } else {
                int entry = lockCounterOrec(orec);
                // the orec is ours: memory holds the last committed value
                writes.put(entry, holder, offset, Kind.INT, UnsafeApi.getIntVolatile(holder, offset) + delta, null);
            }
        }
        counters.clear();
    }

    private int lockCounterOrec(int orec) {
        for (int round = 0; ; ) {
            long word = Orecs.get(orec);
            if (Orecs.isLocked(word)) {
                if (Orecs.owner(word) == slot.id) {
                    return Orecs.lockEntry(word);
                }
                SegmentSlot owner = pool.slot(Orecs.owner(word));
                if (owner.status != SegmentSlotFields.COMMITTING || round >= COUNTER_LOCK_ROUNDS) {
                    conflictAt = ConflictLocation.of(accessHolder, accessOffset);
                    conflictWonSite = owner.descriptor.writes.lockSiteSeenByOthers(Orecs.lockEntry(word));
                    throw doom(AbortCause.WRITE_WRITE);
                }
                round = Spin.pause(round);
                continue;
            }
            // no read of this location is kept, so a version newer than the snapshot is no conflict
            int entry = writes.addLock(orec, word, accessHolder, accessOffset, accessSite, true);
            if (Orecs.compareAndSet(orec, word, Orecs.lockedWord(slot.id, entry))) {
                return entry;
            }
            writes.removeLastLock();
        }
    }

    private boolean ownsOrecOf(Object holder, long offset) {
        long word = Orecs.get(Orecs.index(holder, offset));
        return Orecs.isLocked(word) && Orecs.owner(word) == slot.id;
    }

    /** Where a slow path is, for the conflict report if it ends in an abort. */
    private void noteAccess(Object holder, long offset, int site) {
        accessHolder = holder;
        accessOffset = offset;
        accessSite = withVia(site);
    }

    /** The program's call into a JDK collection's twin, made by this attempt (see {@code JdkCalls}). */
    public void enteredJdk(int callSite) {
        jdkCallSite = callSite;
    }

    /** {@code site}, or, inside a JDK collection's twin, the site as reached from the program's last call. */
    private int withVia(int site) {
        if (jdkCallSite == Sites.UNKNOWN || !Sites.isInJdk(site)) {
            return site;
        }
        int i = (site * 31 + jdkCallSite) & (VIA_CACHE - 1);
        if (viaSites[i] != site || viaCalls[i] != jdkCallSite) {
            viaResults[i] = Sites.via(site, jdkCallSite);
            viaSites[i] = site;
            viaCalls[i] = jdkCallSite;
        }
        return viaResults[i];
    }

    public void recordAllocation(Object object) {
        if (running && !inevitable) {
            allocations.add(object);
        }
    }

    // =================================================================== conflicts

    /**
     * Another transaction holds the orec. Wait while it is committing or inevitable (it will
     * release soon and cannot be asked to abort); otherwise this attempt gives way.
     */
    private void awaitOrAbort(int orec, long word, AbortCause cause) {
        if (Orecs.owner(word) == PlainMonitors.OWNER) {
            metPlainOrec = orec; // a monitor switched to plain mode meanwhile
            throw doom(cause);
        }
        SegmentSlot owner = pool.slot(Orecs.owner(word));
        int status = owner.status;
        if (status == SegmentSlotFields.INEVITABLE) {
            int site = InevitableToken.holderSite();
            long start = StatisticsClock.precise();
            awaitRelease(orec, word);
            chargeInevitableWait(site, StatisticsClock.precise() - start);
        } else if (status == SegmentSlotFields.COMMITTING) {
            waitedForCommit = true;
            long start = StatisticsClock.precise();
            awaitRelease(orec, word);
            chargeWait(TimedState.WAIT_WRITE_READ, StatisticsClock.precise() - start);
        } else if (Orecs.get(orec) == word) {
            conflictAt = ConflictLocation.of(accessHolder, accessOffset);
            conflictWonSite = owner.descriptor.writes.lockSiteSeenByOthers(Orecs.lockEntry(word));
            throw doom(cause);
        }
    }

    private void awaitRelease(int orec, long word) {
        int round = 0;
        try {
            while (Orecs.get(orec) == word) {
                throwIfKilled();
                round = pauseInRuntime(round);
            }
        } finally {
            slot.waitingInRuntime = false;
        }
    }

    private void chargeWait(TimedState state, long nanos) {
        stats.chargeInterval(state, nanos);
        timings.waited(nanos);
    }

    /** A wait for the inevitable transaction, also charged to the site that made it inevitable. */
    private void chargeInevitableWait(int site, long nanos) {
        chargeWait(TimedState.WAIT_INEVITABLE, nanos);
        InevitableSites.waitedFor(inevitableWaits, site, nanos);
    }

    // =================================================================== inevitability

    /** Switches the running attempt to inevitable, for {@code site}: from here on it cannot abort. */
    public void becomeInevitable(int site) {
        throwIfDoomed();
        if (site == Sites.UNKNOWN || site > Sites.MONITOR) {
            unjoinable = "became inevitable for an irrevocable call";
        }
        if (inevitable) {
            return;
        }
        Object event = FlightEvents.inevitableStart();
        acquireToken();
        markInevitable(site);
        if (!slot.compareAndSetStatus(SegmentSlotFields.ACTIVE, SegmentSlotFields.INEVITABLE)) {
            throw doom(AbortCause.INEVITABLE);
        }
        inevitable = true;
        leaveFastPath();
        // Lock everything read so far, checking it is still what the snapshot saw.
        for (int i = 0, n = reads.size(); i < n; i++) {
            if (!lockOrec(reads.get(i), true, null, 0, reads.siteAt(i))) { // what was read there is not kept
                nextAttemptInevitable = site;
                failedOrec = reads.get(i);
                throw doom(AbortCause.WRITE_READ);
            }
        }
        if (rollbackOnException) {
            writes.saveOldValues(undo);
        }
        writes.writeBack(); // under our locks, so nobody sees it before commit
        writes.clearWrites();
        allocations.clear();
        applyCounters(); // in place from now on
        FlightEvents.inevitableEnd(event, site);
    }

    /** Holding the token: records the site for the report and for those who will wait for us. */
    private void markInevitable(int site) {
        InevitableToken.holdFor(site);
        InevitableSites.became(inevitableWaits, site);
    }

    /**
     * Takes an orec for the inevitable transaction, killing an optimistic owner and stealing its
     * lock (its writes are only buffered, so memory holds committed data). With
     * {@code checkSnapshot}, fails if the committed version is newer than the snapshot.
     */
    private boolean lockOrec(int orec, boolean checkSnapshot, Object holder, long offset, int site) {
        int id = slot.id;
        int round = 0;
        long waitStart = 0;
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
                    PlainMonitors.drain(orec, plainHolder);
                    continue;
                } else {
                    SegmentSlot owner = pool.slot(Orecs.owner(word));
                    int status = owner.status;
                    if (status == SegmentSlotFields.ACTIVE) {
                        owner.compareAndSetStatus(SegmentSlotFields.ACTIVE, SegmentSlotFields.KILLED);
                        continue;
                    }
                    if (status != SegmentSlotFields.KILLED) {
                        if (waitStart == 0) {
                            waitStart = StatisticsClock.precise();
                        }
                        round = pauseInRuntime(round); // committing or rolling back: it releases soon
                        continue;
                    }
                    previous = owner.descriptor.writes.previousWordSeenByOthers(Orecs.lockEntry(word));
                    if (Orecs.isLocked(previous)) {
                        round = pauseInRuntime(round);
                        continue;
                    }
                }
                if (checkSnapshot && Orecs.version(previous) > snapshot) {
                    return false;
                }
                int entry = writes.addLock(orec, previous, holder, offset, site, false);
                if (Orecs.compareAndSet(orec, word, Orecs.lockedWord(id, entry))) {
                    return true;
                }
                writes.removeLastLock();
            }
        } finally {
            if (round != 0) {
                slot.waitingInRuntime = false;
            }
            if (waitStart != 0) {
                chargeWait(TimedState.WAIT_WRITE_READ, StatisticsClock.precise() - waitStart);
            }
        }
    }

    /** A pause others can tell from a block in the program's own code (see {@link BlockedInevitables}). */
    private int pauseInRuntime(int round) {
        slot.waitingInRuntime = true;
        return Spin.pause(round);
    }

    /**
     * Takes the token in the middle of an attempt. A holder running alone waits for this attempt's
     * slot, so this attempt gives way (aborts) instead of waiting for it.
     */
    private void acquireToken() {
        if (holdsToken) {
            return;
        }
        if (!InevitableToken.tryAcquire(slot)) {
            int site = InevitableToken.holderSite();
            long start = StatisticsClock.precise();
            long patience = System.nanoTime() + BlockedInevitables.PATIENCE_NANOS;
            int round = 0;
            while (!InevitableToken.tryAcquire(slot)) {
                if (running && (slot.status == SegmentSlotFields.KILLED || SerialMode.requested())) {
                    chargeInevitableWait(site, StatisticsClock.precise() - start);
                    throw doom(AbortCause.INEVITABLE);
                }
                if (System.nanoTime() - patience > 0 && InevitableToken.takeOverFromBlockedHolder(slot)) {
                    break;
                }
                round = Spin.pause(round);
            }
            chargeInevitableWait(site, StatisticsClock.precise() - start);
        }
        holdsToken = true;
    }

    /** Takes the token before an attempt starts, standing aside while a holder runs alone. */
    private void acquireTokenBetweenAttempts() {
        if (holdsToken) {
            return;
        }
        int site = InevitableToken.holderSite();
        long start = StatisticsClock.precise();
        long patience = System.nanoTime() + BlockedInevitables.PATIENCE_NANOS;
        int round = 0;
        while (!InevitableToken.tryAcquire(slot)) {
            standAsideIfAsked();
            if (System.nanoTime() - patience > 0 && InevitableToken.takeOverFromBlockedHolder(slot)) {
                break;
            }
            round = Spin.pause(round);
        }
        if (round > 0) {
            chargeInevitableWait(site, StatisticsClock.precise() - start);
        }
        holdsToken = true;
    }

    private void releaseToken() {
        if (holdsToken) {
            if (serial) {
                serial = false;
                slot.runningAlone = false;
                SerialMode.exit();
            }
            holdsToken = false;
            InevitableToken.release(slot);
        }
    }

    private void awaitNoInevitable() {
        int site = InevitableToken.holderSite();
        long start = StatisticsClock.precise();
        long patience = System.nanoTime() + BlockedInevitables.PATIENCE_NANOS;
        int round = 0;
        while (InevitableToken.isHeld() || BlockedInevitables.anyInevitable(pool, slot, true)) {
            if (System.nanoTime() - patience > 0 && !BlockedInevitables.anyInevitable(pool, slot, false)) {
                break; // those left are blocked in calls of their own, not stealing locks
            }
            standAsideIfAsked();
            round = Spin.pause(round);
        }
        chargeInevitableWait(site, StatisticsClock.precise() - start);
    }

    private void backoff() {
        long start = StatisticsClock.precise();
        int shift = Math.min(aborts + 2, 10);
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        int spins = (random & 0x7fffffff) & ((1 << shift) - 1);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
        if (aborts > 4) {
            Thread.yield();
        }
        stats.chargeInterval(TimedState.BACKOFF, StatisticsClock.precise() - start);
    }

    // =================================================================== monitors and wait

    public HeldMonitors monitors() {
        return monitors;
    }

    /** Runs {@code action} once this transaction has committed; an aborted attempt drops it. */
    public void deferUntilCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** Runs {@code action} if the running attempt is rolled back; a commit drops it. */
    public void deferUntilAbort(Runnable action) {
        afterAbort.add(action);
    }

    /**
     * Runs the rolled-back attempt's abort actions, newest first (they undo in reverse), outside
     * any transaction: the thread's transaction is detached while they run.
     */
    private void runAfterAbort() {
        if (afterAbort.isEmpty()) {
            return;
        }
        Runnable[] actions = afterAbort.toArray(new Runnable[0]);
        afterAbort.clear();
        Segment detached = running ? ThreadContext.suspend() : null;
        try {
            for (int i = actions.length - 1; i >= 0; i--) {
                actions[i].run();
            }
        } finally {
            ThreadContext.resume(detached);
        }
    }

    private void runAfterCommit() {
        if (afterCommit.isEmpty()) {
            return;
        }
        Runnable[] actions = afterCommit.toArray(new Runnable[0]);
        afterCommit.clear();
        for (Runnable action : actions) {
            action.run();
        }
    }

    void deferNotification(Object notification) {
        unjoinable = "notified on a monitor";
        pendingNotifications.add(notification);
    }

    /**
     * Ends the running transaction before a {@code wait}: commits it (throwing the abort if it
     * fails), delivers its notifications, and gives the slot back while the thread blocks.
     */
    void suspendForWait() {
        if (regionSite != NO_SITE) {
            AdaptiveSites.neverPlain(regionSite, "waited on a monitor");
        }
        // The waiter is already queued. Its decision to wait must still hold now: a notifier that
        // committed since the snapshot may have found the queue empty. A read-only commit does not
        // validate, so check here; a notifier committing after this check finds the waiter queued.
        long clock = VersionClock.now();
        if (!inevitable && !TestHooks.BROKEN_VALIDATION && clock != snapshot && !readsUntouched(snapshot, clock)) {
            throw doom(AbortCause.WRITE_READ);
        }
        commit();
        stats.chargeUntil(TimedState.RUN_COMMITTED, StatisticsClock.now());
        timings.transactionCommitted(aborts + 1);
        clearLogs();
        afterAbort.clear();
        inevitable = false;
        leaveFastPath();
        SegmentSlot done = slot;
        slot = null;
        pool.release(done);
        MonitorConditions.deliver(pendingNotifications);
        runAfterCommit();
    }

    /**
     * Continues the region after {@code wait} as a new transaction. It runs inevitable: the code
     * before the wait has committed, so this part must never be rolled back and retried.
     */
    void resumeAfterWait() {
        timings.transactionStarts();
        claimSlot(TimedState.OUTSIDE_TRANSACTION, StatisticsClock.now());
        nextAttemptInevitable = Sites.AFTER_WAIT;
        aborts = 0;
        startAttempt();
    }
}
