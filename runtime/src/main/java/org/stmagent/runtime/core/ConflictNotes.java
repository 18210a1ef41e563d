package org.stmagent.runtime.core;

import org.agrona.collections.Long2LongHashMap;
import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.ConflictLocation;
import org.stmagent.runtime.stats.Conflicts;
import org.stmagent.runtime.stats.Sites;

/**
 * What a transaction notes for the conflict report while it runs: the location and site its slow
 * path is working on, the program's last call into a JDK collection's twin, and what it lost to.
 */
final class ConflictNotes {
    private final Segment tx;

    ConflictNotes(Segment tx) {
        this.tx = tx;
    }

    // for the conflict report: the location and site a slow path is working on, and what failed
    Object accessHolder;
    long accessOffset;
    int accessSite;
    /** The program's last call into a JDK collection's twin in this attempt, for the report ({@link Sites#via}). */
    int jdkCallSite;
    /**
     * (site, call) -> combined site, every pair this thread has met: the shared table
     * ({@link Sites#via}, which locks and allocates) is asked once per pair and thread. A large
     * program's twins meet thousands of pairs, too many for a small direct-mapped cache.
     */
    private final Long2LongHashMap viaSites = new Long2LongHashMap(Sites.UNKNOWN);
    ConflictLocation conflictAt;
    int conflictWonSite;
    int failedOrec = -1;

    /**
     * For the conflict report, before the logs are cleared: the location the failed attempt lost
     * on, its access there and the winner's write, best effort.
     */
    Conflicts.Conflict whatConflicted(AbortCause cause) {
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
            lost = tx.reads.siteOf(failedOrec);
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

    /**
     * Where a slow path is, for the conflict report if it ends in an abort. The site is kept as the
     * barrier gave it, as the fast path keeps it in the read set; it is combined with the program's
     * call into a JDK twin only where it is kept for others to read ({@link #accessSiteWithVia}).
     */
    void noteAccess(Object holder, long offset, int site) {
        accessHolder = holder;
        accessOffset = offset;
        accessSite = site;
    }

    /** The noted access's site as reached from the program's last call into a JDK twin: for lock entries. */
    int accessSiteWithVia() {
        return withVia(accessSite);
    }

    /** The program's call into a JDK collection's twin, made by this attempt (see {@code JdkCalls}). */
    void enteredJdk(int callSite) {
        jdkCallSite = callSite;
    }

    /** {@code site}, or, inside a JDK collection's twin, the site as reached from the program's last call. */
    private int withVia(int site) {
        if (jdkCallSite == Sites.UNKNOWN || !Sites.isInJdk(site)) {
            return site;
        }
        long pair = ((long) site << 32) | (jdkCallSite & 0xFFFF_FFFFL);
        int combined = (int) viaSites.get(pair);
        if (combined == Sites.UNKNOWN) {
            combined = Sites.via(site, jdkCallSite);
            viaSites.put(pair, combined);
        }
        return combined;
    }
}
