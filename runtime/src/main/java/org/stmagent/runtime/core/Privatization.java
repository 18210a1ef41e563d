package org.stmagent.runtime.core;

/**
 * Privatization safety, paid by writing commits and never by reads (see docs/design.md).
 *
 * <ul>
 *   <li><em>No late write-back.</em> Before it releases its locks, a writing commit waits for
 *       every older commit still writing back that read something this one wrote: such a commit is
 *       ordered before this one, so its writes must be in memory before anyone can see this
 *       commit's effects, or act on them outside a transaction. Commits that did not read what
 *       this one wrote are not ordered before it and are not waited for; a chain of them is
 *       covered because each waits before it releases.</li>
 *   <li><em>No doomed reader.</em> After it releases, a writing commit asks every attempt reading
 *       under an older snapshot to revalidate before it accepts another value, so data this commit
 *       unlinked, which its thread may now change without a transaction, never reaches such an
 *       attempt unchecked.</li>
 * </ul>
 */
final class Privatization {
    /** Read sets larger than this are not searched: their commit is waited for. */
    private static final int SEARCHED_READS = 256;

    private Privatization() {
    }

    /**
     * Waits for the older commits in flight that read what {@code writes} wrote (this commit:
     * {@code version}), or, with {@code readLocksToo}, anything it locked: an inevitable region
     * about to run code that reads memory without barriers needs every region that entered one of
     * its monitors before it to have written back.
     */
    static void awaitPredecessors(SegmentPool pool, SegmentSlot self, long version, WriteLog writes, boolean readLocksToo) {
        long ours = writes.summary(readLocksToo);
        for (SegmentSlot other : pool.slots()) {
            if (other == self) {
                continue;
            }
            PublishedState published = other.published;
            if (readNoneOf(published, ours)) {
                continue; // most commits in flight read nothing this one wrote: the line read tells
            }
            long writing = published.awaitVersionDrawn();
            if (writing == 0 || writing >= version) {
                continue; // nothing in flight, or ordered after this commit
            }
            Segment committer = other.descriptor;
            // its read set is frozen while its write-back marker shows this version
            if (committer == null || committer.readAnyOf(writes, SEARCHED_READS, readLocksToo)) {
                published.awaitWritebackBefore(version);
            }
        }
    }

    /**
     * Whether the slot has no commit in flight that may have read an orec of {@code ours}, from its
     * marker and read summary, read as a pair: the marker before and after the summary either shows
     * the same commit, or a commit that drew its version after this one drew its own (its pending
     * marker was stored after the first look, so its tick is later), which is not waited for.
     */
    static boolean readNoneOf(PublishedState published, long ours) {
        while (true) {
            long before = published.writeback();
            if (before == 0) {
                return true;
            }
            long theirs = published.readSummary();
            long after = published.writeback();
            if (after == 0) {
                return true; // it ended; a later commit draws a later version
            }
            if (after == before || before == VersionClock.WRITEBACK_PENDING) {
                return !OrecSummary.mayMeet(theirs, ours);
            }
            // a commit with a version ended and another began meanwhile: look again
        }
    }

    /** Asks every other slot's attempt reading under a snapshot older than {@code version} to revalidate. */
    static void requestRevalidation(SegmentPool pool, SegmentSlot self, long version) {
        if (TestHooks.NO_VALIDATION_REQUESTS) {
            return;
        }
        for (SegmentSlot other : pool.slots()) {
            if (other != self) {
                other.published.requestValidation(version);
            }
        }
    }
}
