package org.stmagent.runtime.core;

import java.lang.ref.WeakReference;

/**
 * Where a region of a switched site, or of a monitor in plain mode, runs under its real lock
 * instead of as a transaction (see {@link AdaptiveSites}, {@link PlainMonitors}): entering and
 * leaving plain runs, and giving way to one after a rolled-back attempt.
 */
final class PlainRunEntry {
    private final Segment tx;

    PlainRunEntry(Segment tx) {
        this.tx = tx;
    }

    private WeakReference<Object> lastMonitor = new WeakReference<>(null);
    private int lastMonitorOrec;

    /**
     * A {@code synchronized} method called outside transactions: begins its transaction, or enters
     * a plain run of it and returns null, when the site or its monitor is in plain mode, or when the
     * thread already runs plainly (inside a plain run everything runs plainly, as the original code).
     */
    Segment beginUnlessPlain(Object monitor, int site) {
        if (AdaptiveSites.ENABLED) {
            int orec = monitorOrec(monitor);
            PlainHolder holder = tx.plainHolder;
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
            tx.begin(Integer.MAX_VALUE, false, true);
            tx.regionSite = site;
            tx.regionMonitor = monitor;
            tx.regionOrec = joins ? orec : -1;
            return tx;
        }
        return tx.begin(Integer.MAX_VALUE, false, true);
    }

    /**
     * The signal orec of a region's monitor, from a one-entry cache (most lock-bound programs enter
     * one monitor over and over): a monitor that was ever contended in plain mode stays inflated
     * for a while, and its identity hash is then a call into the JVM that reads the lock's own line,
     * at every region. The reference is weak: a descriptor keeps nothing alive.
     */
    private int monitorOrec(Object monitor) {
        if (lastMonitor.get() != monitor) {
            lastMonitor = new WeakReference<>(monitor);
            lastMonitorOrec = Orecs.monitorIndex(monitor);
        }
        return lastMonitorOrec;
    }

    /**
     * Begins an outermost plain run; false, nothing entered, when a regionless transaction still in
     * flight keeps it out ({@link PlainRunExclusion}): the region then runs as a transaction.
     */
    private boolean enterOutermostPlain(Object monitor, int orec, int site) {
        PlainRunExclusion.awaitNoPending();
        PlainHolder holder = tx.plainHolder();
        if (!PlainMonitors.enter(tx, holder, monitor, orec, site)) {
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
        while (!PlainMonitors.enter(tx, holder, monitor, orec, site)) {
            Thread.onSpinWait();
        }
    }

    /** A monitor entered by plain code (inside a plain run): its monitor joins plain mode too. */
    void enterPlainMonitor(Object monitor, int site) {
        int orec = Orecs.monitorIndex(monitor);
        if (tx.inPlainRun()) {
            enterNestedPlain(tx.plainHolder, monitor, orec, site);
        } else {
            while (!enterOutermostPlain(monitor, orec, site)) {
                Thread.onSpinWait(); // the real lock is held already: this code cannot run as a transaction
            }
        }
    }

    /** The end of a plain run begun by {@link #beginUnlessPlain}; may switch its monitor back to transactions. */
    void endPlain() {
        PlainHolder holder = tx.plainHolder;
        int orec = holder.innermostOrec();
        int site = holder.innermostSite();
        PlainMonitors.exit(holder);
        if (holder.depth() == 0) {
            int cause = PlainMonitors.causeOf(Orecs.get(orec));
            if (cause >= 0 && AdaptiveSites.plainRunEnded(tx.siteWindow(), site, cause)) {
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
    boolean leaveForPlain() {
        if (tx.metPlainOrec < 0 || tx.metPlainOrec != tx.regionOrec) {
            return false;
        }
        Object monitor = tx.regionMonitor;
        int orec = tx.regionOrec;
        int site = tx.regionSite;
        tx.metPlainOrec = -1;
        tx.abandon(); // first: what holds up the switch or the plain mode may wait for this slot
        // a region's transaction never runs inside a plain run: beginUnlessPlain runs those plainly
        if (enterOutermostPlain(monitor, orec, site)) {
            return true;
        }
        // a regionless transaction is in flight: the region goes on as a new transaction
        tx.begin(Integer.MAX_VALUE, false, true);
        tx.regionSite = site;
        tx.regionMonitor = monitor;
        tx.regionOrec = orec;
        return false;
    }
}
