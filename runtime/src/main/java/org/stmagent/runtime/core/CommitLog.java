package org.stmagent.runtime.core;

import org.stmagent.runtime.stats.ConflictLocation;
import org.stmagent.runtime.stats.Sites;

/**
 * The recent commits of every segment slot, each kept in its slot's {@link CommitRing}: validation
 * from one snapshot to a later one costs the writes committed in between, not the size of the read
 * set, so a long reader next to short writers checks a handful of orecs per extension.
 *
 * <p>A commit publishes its entry right after drawing its version, and marks its slot's write-back
 * word before drawing it ({@link PublishedState}); a reader that checks up to version {@code to}
 * first waits, per slot, for a commit that is drawing its version or has drawn one up to {@code to}
 * without its entry yet. The tick's atomic add orders the mark before the version, so no commit up
 * to {@code to} is missed.
 */
final class CommitLog {
    private CommitLog() {
    }

    /**
     * Whether no commit made in another slot than {@code self} with a version in
     * {@code (from, to]} wrote an orec in {@code reads}; {@code null} when the rings cannot tell,
     * and the caller must validate in full.
     */
    static Boolean untouchedBetween(long from, long to, ReadSet reads, Segment reader, SegmentSlot self) {
        SegmentPool pool = SegmentPool.instance();
        for (int id = 0, n = pool.size(); id < n; id++) {
            SegmentSlot slot = pool.slot(id);
            if (slot == self) {
                continue;
            }
            long marked = slot.published.awaitVersionDrawn();
            if (marked > from && marked <= to) {
                slot.commits.awaitEntry(marked);
            }
            Boolean untouched = slot.commits.untouchedBetween(from, to, reads, reader);
            if (untouched != Boolean.TRUE) {
                return untouched;
            }
        }
        return Boolean.TRUE;
    }

    /** A write found by {@link #findWrite}: which slot's ring, and where in it. */
    static final class Write {
        static final Write NONE = new Write(null, -1);
        final CommitRing ring;
        final int index;

        private Write(CommitRing ring, int index) {
            this.ring = ring;
            this.index = index;
        }

        ConflictLocation location() {
            return ring == null ? ConflictLocation.UNKNOWN : ring.locationOf(index);
        }

        int site() {
            return ring == null ? Sites.UNKNOWN : ring.siteOf(index);
        }
    }

    /**
     * The newest logged commit up to {@code newest} that wrote {@code orec}, in any slot. For the
     * conflict report: racy by design (the rings move on), so a wrong answer only blurs it.
     */
    static Write findWrite(int orec, long newest) {
        SegmentPool pool = SegmentPool.instance();
        Write best = Write.NONE;
        long bestVersion = 0;
        for (int id = 0, n = pool.size(); id < n; id++) {
            CommitRing ring = pool.slot(id).commits;
            int index = ring.findWrite(orec, newest);
            if (index >= 0) {
                long version = ring.versionOfWrite(index);
                if (version > bestVersion) {
                    best = new Write(ring, index);
                    bestVersion = version;
                }
            }
        }
        return best;
    }
}
