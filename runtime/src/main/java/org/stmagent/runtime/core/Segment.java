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
 * <p>This class holds the descriptor's state, the transaction's life (begin, attempts, retries,
 * end) and the barriers' slow paths for reads and writes. Its parts, each with one job, work on
 * that state: {@link CommitProtocol} (validation, snapshot extension, commit, rollback),
 * {@link Inevitability}, {@link CounterIncrements}, {@link TransactionalMonitors} (signal words,
 * notifications, wait), {@link PlainRunEntry} (regions run under their real lock) and
 * {@link ConflictNotes} (what the conflict report is told). The algorithm is in docs/design.md.
 */
public final class Segment {
    /** An attempt that touched this many locations is large: retrying it optimistically is costly. */
    private static final int LARGE_ATTEMPT = 512;
    /** Rounds of a wait behind an owner between two looks at whether it is blocked (a power of two, less one). */
    private static final int BLOCKED_CHECK_ROUNDS = 63;
    private static final int LARGE_ABORTS_BEFORE_INEVITABLE = 1;

    private static final int IN_PLACE = -1;
    /** {@link #writableEntry}: the write waits in {@link DeferredWrites} for the orec. */
    private static final int DEFERRED = -2;
    private static final int NOT_INEVITABLE = -1;
    static final long OWNED = -1L;

    // ---- read on every barrier: keep together
    /**
     * What the slot this descriptor runs in publishes; its read limit is what the barriers' fast
     * paths compare orec versions with; before the first slot, a line no committer reads.
     */
    PublishedState published = PublishedState.UNATTACHED;
    /** Where {@link #published} keeps its read limit: the barriers load it in one step. */
    private long readLimitAddress = published.readLimitAddress();
    final ReadSet reads = new ReadSet();
    /**
     * The version every value read so far belongs to (see {@link CommitProtocol#extendSnapshot}).
     * Kept from one transaction to the next, where it starts the next optimistic attempt.
     */
    long snapshot;
    /** True while running optimistically and not doomed. */
    private boolean optimistic;

    // ---- the rest of the descriptor
    final WriteLog writes = new WriteLog();
    /** Writes under orecs another running transaction holds for one other location. */
    final DeferredWrites deferred = new DeferredWrites(this);
    final AllocationLog allocations = new AllocationLog();
    final HeldMonitors monitors = new HeldMonitors();
    final List<Runnable> afterCommit = new ArrayList<>();
    final List<Runnable> afterAbort = new ArrayList<>();
    final UndoLog undo = new UndoLog();
    private final Thread thread = Thread.currentThread();
    private final RunningThreads.Membership membership = RunningThreads.join(thread);
    final ThreadStatistics stats = Statistics.register(thread);
    final ThreadTimings timings = new ThreadTimings();
    private final Map<Conflicts.Conflict, Tallies.Tally> conflicts = Conflicts.TALLIES.forThread(thread);
    final Map<Integer, Tallies.Tally> inevitableWaits = InevitableSites.TALLIES.forThread(thread);
    final ConflictNotes notes = new ConflictNotes(this);
    final Inevitability inevitability = new Inevitability(this);
    final CounterIncrements counterIncrements = new CounterIncrements(this);
    final CommitProtocol commitProtocol = new CommitProtocol(this);
    final TransactionalMonitors monitorWords = new TransactionalMonitors(this);
    final PlainRunEntry plainRuns = new PlainRunEntry(this);

    final SegmentPool pool = SegmentPool.instance();
    private final int inevitableAfter = RuntimeSettings.inevitableAfter();

    SegmentSlot slot;
    private Segment whileSuspended;
    private int lastSlotId;
    boolean running;
    boolean inevitable;
    /** Running alone (see {@link SerialMode}): memory is read and written directly. */
    boolean serial;
    /** The next read is of a volatile field, by an inevitable attempt (see {@link #beforeVolatileRead}). */
    private boolean volatileReadNext;
    /** The running transaction has no monitor of the original program ({@link PlainRunExclusion}). */
    private boolean regionless;
    /** Begun by a monitor's region (not by {@code @Atomic} or {@code Stm.atomic}). */
    private boolean ofRegion;
    /** Whether the next attempt asks to run alone. */
    private boolean nextAttemptSerial;
    /** The site the next attempt runs inevitable for, or NOT_INEVITABLE. */
    int nextAttemptInevitable = NOT_INEVITABLE;
    private TransactionAbort doomed;
    int aborts;
    /** The version under the lock {@link #readThrough} last accepted: what memory there holds. */
    private long readThroughVersion;
    /** This attempt's tag in the lock words it writes ({@link Orecs#attemptTag}). */
    long lockTag;
    /** When the outermost transaction began ({@link StatisticsClock#now}): the {@link Watchdog} tells transactions apart by it. */
    long began;
    /** When the attempt started waiting for the inevitable transaction (its token, a location, its end), or 0: for the {@link Watchdog}. */
    volatile long inevitableWaitSince;
    /** Retries after rolled-back attempts before the transaction gives up ({@code Integer.MAX_VALUE}: never). */
    private int retries;
    /** Whether an exception leaving the region rolls it back (instead of committing it). */
    boolean rollbackOnException;

    // ---- plain mode (see AdaptiveSites, PlainMonitors)
    static final int NO_SITE = -1;
    /** The plain runs this thread is inside; shared with the descriptor used while suspended. */
    PlainHolder plainHolder;
    AdaptiveSites.Window siteWindow;
    /** The synchronized method whose transaction runs (it can run plainly instead), or NO_SITE. */
    int regionSite = NO_SITE;
    /** That region's monitor and its signal orec, or -1. */
    Object regionMonitor;
    int regionOrec = -1;
    /** The signal orec of a monitor in plain mode the attempt gave way to, or -1. */
    int metPlainOrec = -1;
    /** What this transaction did that a plain run of its site could not join, or null. */
    String unjoinable;
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

    /** Starts an outermost transaction of a monitor's region (see {@code Barriers.beginRegion}). */
    public Segment beginRegion() {
        return begin(Integer.MAX_VALUE, false, true);
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
    Segment begin(int retryLimit, boolean rollbackOnFailure, boolean region) {
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
        ofRegion = region;
        waitedForCommit = false;
        running = true;
        membership.enter();
        timings.transactionStarts();
        began = StatisticsClock.now();
        claimSlot(TimedState.OUTSIDE_TRANSACTION, began);
        aborts = 0;
        startAttempt();
        return this;
    }

    /** Whether the thread runs plainly: inside a region's original code, under its real lock. */
    public boolean inPlainRun() {
        return plainHolder != null && plainHolder.depth() > 0;
    }

    PlainHolder plainHolder() {
        if (plainHolder == null) {
            plainHolder = PlainHolder.register();
        }
        return plainHolder;
    }

    AdaptiveSites.Window siteWindow() {
        if (siteWindow == null) {
            siteWindow = new AdaptiveSites.Window();
        }
        return siteWindow;
    }

    void claimSlot(TimedState before, long now) {
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
                readLimitAddress = published.readLimitAddress();
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
    void standAsideIfAsked() {
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

    void startAttempt() {
        slot.clearKill();
        commitProtocol.startAttempt();
        lockTag = Orecs.attemptTag(slot.nextAttempt());
        timings.attemptStarts();
        notes.jdkCallSite = Sites.UNKNOWN;
        doomed = null;
        if (nextAttemptInevitable != NOT_INEVITABLE || aborts >= inevitableAfter) {
            int site = nextAttemptInevitable != NOT_INEVITABLE ? nextAttemptInevitable : Sites.AFTER_ABORTS;
            // a read-only second chance holds up only the writers of what it reads
            ranAloneAfterAborts = aborts > 0 && site != Sites.AFTER_WAIT && site != Sites.LARGE_READ_ONLY;
            Object event = FlightEvents.inevitableStart();
            inevitability.acquireTokenBetweenAttempts();
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
            inevitability.markInevitable(site);
            FlightEvents.inevitableEnd(event, site);
            slot.setStatus(SegmentSlotFields.INEVITABLE); // before its first lock: no kill applies to it
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
            // No clock read: the snapshot this thread last had (its last extension or its last
            // commit's version) is still a consistent one, only older; the reads extend it when they
            // meet a newer version. Most locations a thread reads were last written by itself.
            // A full fence before the first read: a committer that does not see this snapshot has
            // released its locks before any of our reads, which then find its new versions.
            published.publishSnapshot(snapshot);
        }
    }

    /** The barriers' fast paths no longer apply: inevitable, doomed, or done. */
    void leaveFastPath() {
        optimistic = false;
        published.closeFastPath();
    }

    /** Commits, or rolls back and starts the next attempt; true when committed. */
    public boolean commitOrRestart() {
        try {
            commitProtocol.commit();
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
        Conflicts.Conflict conflict = Recording.ON ? notes.whatConflicted(cause) : null;
        if (conflict != null) {
            Conflicts.charge(conflicts, conflict, lost);
        }
        long start = StatisticsClock.precise();
        boolean large = reads.size() + writes.lockCount() >= LARGE_ATTEMPT;
        boolean readOnly = writes.lockCount() == 0 && deferred.isEmpty() && counterIncrements.counters.isEmpty();
        commitProtocol.rollback();
        aborts++;
        FlightEvents.abort(cause, aborts, conflict);
        runAfterAbort();
        if (aborts > retries) {
            endTransaction();
            throw new RetryLimitExceededException(aborts);
        }
        if (large && aborts >= LARGE_ABORTS_BEFORE_INEVITABLE) {
            if (readOnly) {
                // a second chance that cannot fail the same way and stops nobody: inevitable, it
                // locks what it reads, and writers of everything else go on committing
                nextAttemptInevitable = Sites.LARGE_READ_ONLY;
            } else {
                // re-running a big attempt that writes wastes more than running it alone
                nextAttemptInevitable = Sites.LARGE_ATTEMPT;
                nextAttemptSerial = true;
            }
        }
        stats.chargeInterval(TimedState.BOOKKEEPING, StatisticsClock.precise() - start);
        standAsideIfAsked();
        if (cause == AbortCause.INEVITABLE) {
            inevitability.awaitNoInevitable(); // a killed transaction must not lock again before its killer ends
        }
        if (metPlainOrec >= 0 && metPlainOrec != regionOrec) {
            // a monitor this region cannot run plainly: wait, holding no lock, until it is transactional
            int orec = metPlainOrec;
            metPlainOrec = -1;
            PlainMonitors.drain(orec, plainHolder);
        }
        deferred.awaitTheOneGivenWayTo();
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
        MonitorConditions.deliver(monitorWords.pendingNotifications);
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

    /**
     * Whether an irrevocable call needs nothing more of the runtime: the attempt is inevitable and
     * does not publish what it did before such calls (see {@link #mayPublishHoldingMonitors}).
     */
    public boolean readyForIrrevocableCalls() {
        return inevitable && !mayPublishHoldingMonitors();
    }

    /**
     * Whether the transaction is a monitor region's, inside at least one monitor, with nothing that
     * asks for all of it to be one atomic step: what it did so far may be published while its
     * monitors stay held ({@link CommitProtocol#publishHoldingMonitors}).
     */
    boolean mayPublishHoldingMonitors() {
        return ofRegion && !rollbackOnException && !serial && monitors.holdsOtherThan(null);
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
        commitProtocol.rollback();
        endTransaction();
        runAfterAbort();
    }

    // =================================================================== commit

    /**
     * Racy, for another thread's commit ({@link Privatization}): whether this attempt, frozen in its
     * own commit, read an orec {@code writes} wrote (or, with {@code readLocksToo}, locked); true
     * also when the read set is too large to search.
     */
    boolean readAnyOf(WriteLog writes, int searchLimit, boolean readLocksToo) {
        return reads.intersects(writes, searchLimit, readLocksToo);
    }

    /** Forgets the attempt's logs, and every object they name: a finished transaction keeps nothing alive. */
    void clearLogs() {
        counterIncrements.counters.clear();
        reads.clear();
        writes.clear();
        deferred.clear();
        allocations.clear();
        undo.clear();
        notes.accessHolder = null;
    }

    TransactionAbort doom(AbortCause cause) {
        if (cause == AbortCause.INEVITABLE) {
            notes.conflictWonSite = InevitableToken.holderSite();
        }
        leaveFastPath();
        doomed = TransactionAbort.of(cause);
        return doomed;
    }

    void throwIfDoomed() {
        if (doomed != null) {
            throw doomed;
        }
    }

    /** A kill is meant for an optimistic attempt; an inevitable one has locks nobody may steal. */
    void throwIfKilled() {
        if (slot.killed && !inevitable) {
            throw doom(AbortCause.INEVITABLE);
        }
    }

    // =================================================================== reads

    /**
     * The barriers' fast-path check, after loading a value between two looks at its orec: unlocked,
     * unchanged, and no newer than the read limit, which is loaded after the value (a committer
     * that closed it before this thread's view of privatized data changed is seen here).
     */
    public boolean validRead(int orec, long before, int location, int site) {
        UnsafeApi.loadFence();
        if (Orecs.get(orec) != before || !Orecs.readableUnder(before, UnsafeApi.getLongVolatile(null, readLimitAddress))) {
            return false;
        }
        reads.add(orec, location, site);
        return true;
    }

    public long readBits(Object holder, long offset, byte kind, int site) {
        notes.noteAccess(holder, offset, site);
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        if (!deferred.isEmpty()) {
            int waiting = deferred.find(orec, holder, offset);
            if (waiting >= 0) {
                return deferred.bits(waiting);
            }
        }
        while (true) {
            long word = readableWord(orec, location);
            if (word == OWNED) {
                int buffered = bufferedWrite(orec, holder, offset);
                return buffered >= 0 ? writes.bits(buffered) : Kind.loadBits(holder, offset, kind);
            }
            long value = Kind.loadBits(holder, offset, kind);
            if (confirmRead(orec, word, location)) {
                return value;
            }
        }
    }

    public Object readReference(Object holder, long offset, int site) {
        notes.noteAccess(holder, offset, site);
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        if (!deferred.isEmpty()) {
            int waiting = deferred.find(orec, holder, offset);
            if (waiting >= 0) {
                return deferred.reference(waiting);
            }
        }
        while (true) {
            long word = readableWord(orec, location);
            if (word == OWNED) {
                int buffered = bufferedWrite(orec, holder, offset);
                return buffered >= 0 ? writes.reference(buffered) : Kind.loadReference(holder, offset);
            }
            Object value = Kind.loadReference(holder, offset);
            if (confirmRead(orec, word, location)) {
                return value;
            }
        }
    }

    /**
     * An orec word to read {@code location} under: unlocked, or locked by another optimistic
     * transaction for one other location (read through, see {@link #readThrough}); or OWNED when
     * this transaction holds the orec.
     */
    long readableWord(int orec, int location) {
        while (true) {
            throwIfDoomed();
            throwIfKilled();
            if (inevitable) {
                if (volatileReadNext) {
                    volatileReadNext = false;
                    UnsafeApi.loadFence(); // each read of a spinning loop goes to memory
                } else if (!serial) {
                    inevitability.lockOrec(orec, false, true, notes.accessHolder, notes.accessOffset, notes.accessSiteWithVia());
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
            if (Orecs.coversOneLocation(word) && readThrough(word, location)) {
                return word;
            }
            if (awaitOrAbort(orec, word, AbortCause.WRITE_READ, true)) {
                return OWNED; // a signal word shared by chance: nothing to read there
            }
        }
    }

    /**
     * Whether {@code location} can be read from memory although another transaction holds its
     * orec with {@code word}: the owner has buffered a write to one location there, and not to
     * this one. Its lock entry was filled before the CAS that published the word. Memory at this
     * location stays as the owner found it while the word stays in place: the owner clears the
     * one-location mark before it buffers a second location or writes in place, and any other
     * writer must take the orec first. {@link #confirmRead} checks the word again after the value
     * is loaded, and reads the version the owner found ({@link #readThroughVersion}).
     */
    private boolean readThrough(long word, int location) {
        if (location == Orecs.ANY_LOCATION) {
            return false;
        }
        Segment owner = pool.slot(Orecs.owner(word)).descriptor;
        if (owner == null) {
            return false;
        }
        int entry = Orecs.lockEntry(word);
        int written = owner.writes.lockLocationSeenByOthers(entry);
        long previous = owner.writes.previousWordSeenByOthers(entry);
        if (Orecs.mayBeSameLocation(location, written) || Orecs.isLocked(previous)) {
            return false;
        }
        readThroughVersion = Orecs.version(previous);
        return true;
    }

    boolean confirmRead(int orec, long word, int location) {
        UnsafeApi.loadFence();
        if (Orecs.get(orec) != word) {
            return false;
        }
        long version = Orecs.isLocked(word) ? readThroughVersion : Orecs.version(word);
        if (version > snapshot || UnsafeApi.getLongVolatile(null, readLimitAddress) != snapshot) {
            commitProtocol.extendSnapshot(); // newer than the snapshot, or a committer asked for revalidation
            return false; // read again under the extended snapshot
        }
        reads.add(orec, location, notes.accessSite);
        return true;
    }

    private int bufferedWrite(int orec, Object holder, long offset) {
        if (inevitable) {
            return -1; // inevitable writes go straight to memory
        }
        return writes.find(Orecs.lockEntry(Orecs.get(orec)), holder, offset);
    }

    // =================================================================== writes

    public void writeBits(Object holder, long offset, byte kind, long bits, int site) {
        notes.noteAccess(holder, offset, site);
        if (allocations.contains(holder)) {
            Kind.storeBits(holder, offset, kind, bits);
            return;
        }
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        int entry = writableEntry(orec, location);
        if (entry == IN_PLACE) {
            if (rollbackOnException) {
                undo.save(holder, offset, kind);
            }
            Kind.storeBits(holder, offset, kind, bits);
        } else if (entry == DEFERRED) {
            deferred.put(orec, location, holder, offset, kind, bits, null, notes.accessSiteWithVia());
        } else {
            writes.put(entry, holder, offset, kind, bits, null);
        }
    }

    public void writeReference(Object holder, long offset, Object value, int site) {
        notes.noteAccess(holder, offset, site);
        if (allocations.contains(holder)) {
            Kind.storeReference(holder, offset, value);
            return;
        }
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        int entry = writableEntry(orec, location);
        if (entry == IN_PLACE) {
            if (rollbackOnException) {
                undo.save(holder, offset, Kind.REFERENCE);
            }
            Kind.storeReference(holder, offset, value);
        } else if (entry == DEFERRED) {
            deferred.put(orec, location, holder, offset, Kind.REFERENCE, 0, value, notes.accessSiteWithVia());
        } else {
            writes.put(entry, holder, offset, Kind.REFERENCE, 0, value);
        }
    }

    /**
     * Locks the orec for writing {@code location} (encounter time); returns the lock entry, or
     * IN_PLACE when inevitable, or DEFERRED when the write waits for the orec in
     * {@link DeferredWrites} (only for a real {@code location}).
     */
    int writableEntry(int orec, int location) {
        while (true) {
            throwIfDoomed();
            throwIfKilled();
            if (inevitable) {
                if (!serial) {
                    inevitability.lockOrec(orec, false, false, notes.accessHolder, notes.accessOffset, notes.accessSiteWithVia());
                    writes.markWritten(Orecs.lockEntry(Orecs.get(orec)));
                }
                return IN_PLACE;
            }
            if (!deferred.isEmpty() && deferred.holds(orec)) {
                if (location != Orecs.ANY_LOCATION) {
                    return DEFERRED; // until the orec is taken, every write under it waits there
                }
                deferred.takeAll();
            }
            long word = Orecs.get(orec);
            if (Orecs.isLocked(word)) {
                if (Orecs.owner(word) == slot.id) {
                    int entry = Orecs.lockEntry(word);
                    if (Orecs.coversOneLocation(word) && writes.lockLocation(entry) != location) {
                        // a second location here: readers may no longer read through
                        if (!Orecs.compareAndSet(orec, word, Orecs.coveringSeveral(word))) {
                            continue;
                        }
                        writes.coverSeveralLocations(entry);
                    }
                    return entry;
                }
                if (deferred.mayWaitFor(orec, word, location)) {
                    return DEFERRED; // another location than the owner's: no conflict, only a lock to wait for
                }
                awaitOrAbort(orec, word, AbortCause.WRITE_WRITE, false);
                continue;
            }
            if (Orecs.version(word) > snapshot) {
                commitProtocol.extendSnapshot(); // what is in memory under a lock we hold must match the snapshot
                continue;
            }
            // the entry is filled before the CAS publishes it: the inevitable transaction may read it
            int entry = writes.addLock(orec, word, notes.accessHolder, notes.accessOffset, notes.accessSiteWithVia(), true);
            long locked = Orecs.lockedWord(slot.id, entry, lockTag);
            if (location != Orecs.ANY_LOCATION) {
                writes.takenForOneLocation(entry, location);
                locked = Orecs.coveringOneLocation(locked);
            }
            if (Orecs.compareAndSet(orec, word, locked)) {
                return entry;
            }
            writes.removeLastLock();
        }
    }

    // =================================================================== counters

    public void recordAllocation(Object object) {
        if (running && !inevitable) {
            allocations.add(object);
        }
    }

    // ---- the seam's entries into the parts of the descriptor (see PlainRunEntry, TransactionalMonitors,
    // Inevitability, CounterIncrements, ConflictNotes)

    /** A synchronized region called outside transactions: its transaction, or null when it runs plainly. */
    public Segment beginUnlessPlain(Object monitor, int site) {
        return plainRuns.beginUnlessPlain(monitor, site);
    }

    /** A monitor entered by plain code inside a plain run. */
    public void enterPlainMonitor(Object monitor, int site) {
        plainRuns.enterPlainMonitor(monitor, site);
    }

    /** The end of a plain run {@link #beginUnlessPlain} began. */
    public void endPlain() {
        plainRuns.endPlain();
    }

    /** After a rolled-back attempt of a region: true when it gave way to its monitor's plain mode. */
    public boolean leaveForPlain() {
        return plainRuns.leaveForPlain();
    }

    /** A region enters {@code monitor}: reads its signal word (see {@link TransactionalMonitors}). */
    public void readMonitorWord(Object monitor) {
        monitorWords.readMonitorWord(monitor);
    }

    /** {@code field += delta} on a counter field; returns the field's new value as this attempt sees it. */
    public int addToCounter(Object holder, long offset, int delta, int site) {
        return counterIncrements.add(holder, offset, delta, site);
    }

    /** {@code cells[offset] += delta} on a cell only this slot's transactions add to, as a pending increment. */
    public void addToCounterCell(long[] cells, long offset, long delta, int site) {
        counterIncrements.addToCell(cells, offset, delta, site);
    }

    /** Before any other read or write of a counter field: its pending increment is settled. */
    public void settleCounter(Object holder, long offset, int site) {
        counterIncrements.settle(holder, offset, site);
    }

    /**
     * Before a read of a volatile field: an inevitable attempt reads it from memory without locking
     * its orec. A region spinning on a volatile must not hold what the thread it waits for writes;
     * whatever memory holds is a value some write gave the volatile, as the memory model allows.
     * An inevitable monitor region that holds the inevitable token publishes and gives the token
     * back first, as at an irrevocable call: the read may be a loop waiting for another thread,
     * which may need the token to write what it waits for. An optimistic attempt reads a volatile
     * as any field, under its snapshot, which it extends as the value changes.
     */
    public void beforeVolatileRead(int site) {
        if (inevitable) {
            if (inevitability.holdsToken() && mayPublishHoldingMonitors()) {
                inevitability.becomeInevitable(site);
            }
            volatileReadNext = true;
        }
    }

    /**
     * After a write to a volatile field: in a monitor region, other threads may act on it before
     * the region ends, so the attempt turns inevitable (if it is not yet), publishes everything it
     * wrote so far and keeps only its monitors, as at an irrevocable call. A volatile of an object
     * this attempt built is not visible to anyone yet; an {@code @Atomic} method stays one step.
     */
    public void publishVolatileWrite(int site) {
        if (mayPublishHoldingMonitors() && !allocations.contains(notes.accessHolder)) {
            inevitability.becomeInevitable(site);
        }
    }

    /** Switches the running attempt to inevitable, for {@code site}: from here on it cannot abort. */
    public void becomeInevitable(int site) {
        inevitability.becomeInevitable(site);
    }

    /** The program's call into a JDK collection's twin, made by this attempt (see {@code JdkCalls}). */
    public void enteredJdk(int callSite) {
        notes.enteredJdk(callSite);
    }

    // =================================================================== conflicts

    /**
     * Another transaction holds the orec. Wait while it is committing or inevitable (it will
     * release soon and cannot be asked to abort); otherwise this attempt gives way.
     */
    private boolean awaitOrAbort(int orec, long word, AbortCause cause, boolean toRead) {
        if (Orecs.owner(word) == PlainMonitors.OWNER) {
            metPlainOrec = orec; // a monitor switched to plain mode meanwhile
            throw doom(cause);
        }
        SegmentSlot owner = pool.slot(Orecs.owner(word));
        int status = owner.status;
        if (status == SegmentSlotFields.INEVITABLE) {
            int site = InevitableToken.holderSite();
            long start = StatisticsClock.precise();
            inevitableWaitSince = start;
            boolean passedOver = awaitRelease(orec, word, owner, toRead);
            chargeInevitableWait(site, StatisticsClock.precise() - start);
            return passedOver;
        } else if (status == SegmentSlotFields.COMMITTING) {
            waitedForCommit = true;
            long start = StatisticsClock.precise();
            awaitRelease(orec, word, owner, false);
            chargeWait(TimedState.WAIT_WRITE_READ, StatisticsClock.precise() - start);
        } else if (Orecs.get(orec) == word) {
            Segment holder = owner.descriptor;
            ConflictLocation written = holder == null ? null : holder.writes.lockedLocationSeenByOthers(Orecs.lockEntry(word));
            // what the owner locked the orec for: another location than this access's is a false conflict
            notes.conflictAt = written != null ? written : ConflictLocation.of(notes.accessHolder, notes.accessOffset);
            notes.conflictWonSite = holder == null ? Sites.UNKNOWN : holder.writes.lockSiteSeenByOthers(Orecs.lockEntry(word));
            throw doom(cause);
        }
        return false;
    }

    /** Waits until the word changes; true, without waiting, when it is a signal word {@link #sharedByChance}. */
    private boolean awaitRelease(int orec, long word, SegmentSlot owner, boolean toRead) {
        int round = 0;
        try {
            while (Orecs.get(orec) == word) {
                throwIfKilled();
                if (toRead && slot.waitingBehindBlocked && sharedByChance(orec, word, owner)) {
                    return true;
                }
                round = pauseBehind(owner, round);
            }
            return false;
        } finally {
            slot.waitingInRuntime = false;
            slot.waitingBehindBlocked = false;
            inevitableWaitSince = 0;
        }
    }

    /**
     * Whether the access being made enters a monitor whose signal orec {@code owner}'s transaction
     * holds for another monitor while blocked in a call of the program's own. The signal orecs are
     * a hash table: with many monitors (a database's row locks) one shares a word with a monitor
     * held through a long block. The owner does not hold this monitor, so entering it need not wait;
     * it is not locked or read there (see docs/design.md for what that leaves out). The owner is
     * seen blocked again, and its lock {@code word} (unique to its attempt) still in place, after
     * its monitors were read: an owner that has gone on meanwhile may have left this monitor's
     * region or ended, and its monitors then say nothing about the word.
     */
    boolean sharedByChance(int orec, long word, SegmentSlot owner) {
        if (!Orecs.isMonitorIndex(orec) || notes.accessOffset != ConflictLocation.MONITOR_WORD
                || notes.accessHolder == null || !owner.ownerBlockedOutsideRuntime()) {
            return false;
        }
        Segment holder = owner.descriptor;
        return holder != null && !holder.monitors.holds(notes.accessHolder) && owner.ownerBlockedOutsideRuntime()
                && Orecs.get(orec) == word;
    }

    void chargeWait(TimedState state, long nanos) {
        stats.chargeInterval(state, nanos);
        timings.waited(nanos);
    }

    /** A wait for the inevitable transaction, also charged to the site that made it inevitable. */
    void chargeInevitableWait(int site, long nanos) {
        chargeWait(TimedState.WAIT_INEVITABLE, nanos);
        InevitableSites.waitedFor(inevitableWaits, site, nanos);
    }

    // =================================================================== inevitability

    /** A pause others can tell from a block in the program's own code (see {@link BlockedInevitables}). */
    int pauseInRuntime(int round) {
        slot.waitingInRuntime = true;
        return Spin.pause(round);
    }

    /**
     * A pause while {@code owner} holds what this transaction waits for; once in a while it checks
     * whether the owner is blocked in a call of the program's own, which blocks this one too.
     * The caller clears both marks when it stops waiting.
     */
    int pauseBehind(SegmentSlot owner, int round) {
        if ((round & BLOCKED_CHECK_ROUNDS) == BLOCKED_CHECK_ROUNDS) {
            slot.waitingBehindBlocked = owner.ownerBlockedOutsideRuntime();
        }
        return pauseInRuntime(round);
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

    void runAfterCommit() {
        if (afterCommit.isEmpty()) {
            return;
        }
        Runnable[] actions = afterCommit.toArray(new Runnable[0]);
        afterCommit.clear();
        for (Runnable action : actions) {
            action.run();
        }
    }

}
