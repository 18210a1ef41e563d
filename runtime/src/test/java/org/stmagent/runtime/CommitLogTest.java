package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The commit log answers from the writes of the commits in a range, or says it cannot tell.
 * Versions far above the clock keep these entries away from any real transaction's.
 */
class CommitLogTest {
    private static final long BASE = 1L << 40;

    private static WriteLog writing(int... orecs) {
        WriteLog log = new WriteLog();
        for (int orec : orecs) {
            log.addLock(orec, 0, null, 0, Sites.UNKNOWN, true);
        }
        return log;
    }

    private static ReadSet reading(int... orecs) {
        ReadSet reads = new ReadSet();
        for (int orec : orecs) {
            reads.add(orec, Sites.UNKNOWN);
        }
        return reads;
    }

    @Test
    void aCommitThatWroteWhatWasReadInvalidatesTheRange() {
        CommitLog.publish(BASE + 1, writing(10, 11), false);
        CommitLog.publish(BASE + 2, writing(12), false);
        assertEquals(Boolean.TRUE, CommitLog.untouchedBetween(BASE, BASE + 2, reading(1, 2, 3), null));
        assertEquals(Boolean.FALSE, CommitLog.untouchedBetween(BASE, BASE + 2, reading(1, 12), null));
        assertEquals(Boolean.TRUE, CommitLog.untouchedBetween(BASE + 1, BASE + 2, reading(10, 11), null));
    }

    @Test
    void aFailedCommitWroteNothing() {
        CommitLog.publish(BASE + 101, writing(5), true);
        assertEquals(Boolean.TRUE, CommitLog.untouchedBetween(BASE + 100, BASE + 101, reading(5), null));
    }

    @Test
    void largeCommitsOverwrittenEntriesAndLongRangesSendTheReaderToFullValidation() {
        int[] many = new int[CommitLog.CAPACITY + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1_000 + i;
        }
        CommitLog.publish(BASE + 201, writing(many), false);
        assertNull(CommitLog.untouchedBetween(BASE + 200, BASE + 201, reading(1), null));

        CommitLog.publish(BASE + 301 + 1024, writing(7), false); // same entry as BASE + 301, newer
        assertNull(CommitLog.untouchedBetween(BASE + 300, BASE + 301, reading(1), null));

        assertNull(CommitLog.untouchedBetween(BASE, BASE + 100_000, reading(1), null));
    }
}
