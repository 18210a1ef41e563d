package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.stats.Sites;

/** A slot's commit ring answers from the writes of the commits in a range, or says it cannot tell. */
class CommitRingTest {
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
            reads.add(orec, Orecs.ANY_LOCATION, Sites.UNKNOWN);
        }
        return reads;
    }

    @Test
    void aCommitThatWroteWhatWasReadInvalidatesTheRange() {
        CommitRing ring = new CommitRing();
        ring.publish(101, writing(10, 11), false);
        ring.publish(105, writing(12), false);
        assertEquals(Boolean.TRUE, ring.untouchedBetween(100, 105, reading(1, 2, 3), null));
        assertEquals(Boolean.FALSE, ring.untouchedBetween(100, 105, reading(1, 12), null));
        assertEquals(Boolean.FALSE, ring.untouchedBetween(100, 104, reading(11), null));
        assertEquals(Boolean.TRUE, ring.untouchedBetween(101, 105, reading(10, 11), null));
        assertEquals(Boolean.TRUE, ring.untouchedBetween(100, 104, reading(12), null), "105 is after the range");
    }

    @Test
    void anEmptyRingAndAnEmptyCommitTouchNothing() {
        CommitRing ring = new CommitRing();
        assertEquals(Boolean.TRUE, ring.untouchedBetween(1, 1_000, reading(5), null));
        ring.publish(7, writing(), false);
        assertEquals(Boolean.TRUE, ring.untouchedBetween(6, 7, reading(5), null));
    }

    private static int[] orecsFrom(int first, int count) {
        int[] orecs = new int[count];
        for (int i = 0; i < count; i++) {
            orecs[i] = first + i;
        }
        return orecs;
    }

    @Test
    void aLargeCommitIsCheckedOrecByOrecFromTheOverflow() {
        CommitRing ring = new CommitRing();
        ring.publish(201, writing(orecsFrom(1_000, 40)), false);
        assertEquals(Boolean.TRUE, ring.untouchedBetween(200, 201, reading(1, 2, 999, 1_040), null));
        assertEquals(Boolean.FALSE, ring.untouchedBetween(200, 201, reading(1, 1_039), null), "its last orec");
        assertEquals(Boolean.FALSE, ring.untouchedBetween(200, 201, reading(1_000), null), "its first orec");
    }

    @Test
    void theRingCannotTellWhenTheOverflowWasReusedOrIsTooSmall() {
        CommitRing ring = new CommitRing();
        ring.publish(201, writing(orecsFrom(1_000, 40)), false);
        for (int v = 0; v * 100 <= CommitRing.OVERFLOW; v++) {
            ring.publish(300 + v, writing(orecsFrom(5_000, 100)), false);
        }
        assertNull(ring.untouchedBetween(200, 201, reading(1), null), "201's orecs were overwritten in the overflow");
        assertEquals(Boolean.FALSE, ring.untouchedBetween(339, 340, reading(5_050), null), "the newest large commits are still there");

        ring.publish(400, writing(orecsFrom(10_000, CommitRing.OVERFLOW + 1)), false);
        assertNull(ring.untouchedBetween(399, 400, reading(1), null), "a commit larger than the overflow");
    }

    @Test
    void rangesOlderThanTheRingSendTheReaderToFullValidation() {
        CommitRing ring = new CommitRing();
        ring.publish(201, writing(7), false);
        for (int v = 0; v < CommitRing.ENTRIES; v++) {
            ring.publish(300 + v, writing(7), false);
        }
        assertNull(ring.untouchedBetween(250, 300 + CommitRing.ENTRIES, reading(1), null), "201 is gone from the ring");
        assertEquals(Boolean.TRUE, ring.untouchedBetween(300, 300 + CommitRing.ENTRIES, reading(1), null));
    }

    /** Two fields of one object: distinct locations that the test places under one orec. */
    static final class Pair {
        long first;
        long second;
    }

    private static long offset(String field) {
        try {
            return org.agrona.UnsafeApi.objectFieldOffset(Pair.class.getDeclaredField(field));
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static WriteLog writingOne(int orec, Object holder, long offset) {
        WriteLog log = new WriteLog();
        int entry = log.addLock(orec, 0, holder, offset, Sites.UNKNOWN, true);
        log.takenForOneLocation(entry, Orecs.hash(holder, offset));
        log.put(entry, holder, offset, Kind.LONG, 5, null);
        return log;
    }

    @Test
    void aWriteToAnotherLocationUnderAReadOrecIsNoConflict() {
        Pair pair = new Pair();
        long first = offset("first");
        long second = offset("second");
        int orec = 77; // both locations under one orec, as two unrelated locations may hash
        ReadSet readsFirst = new ReadSet();
        readsFirst.add(orec, Orecs.hash(pair, first), Sites.UNKNOWN);

        CommitRing ring = new CommitRing();
        WriteLog writesSecond = writingOne(orec, pair, second);
        ring.publish(11, writesSecond, false);
        assertEquals(Boolean.TRUE, ring.untouchedBetween(10, 11, readsFirst, null), "another location, same orec");

        ring.publish(12, writingOne(orec, pair, first), false);
        assertEquals(Boolean.FALSE, ring.untouchedBetween(10, 12, readsFirst, null), "the location read was written");

        WriteLog writesBoth = writingOne(orec, pair, second);
        writesBoth.coverSeveralLocations(0);
        ring.publish(13, writesBoth, false);
        assertEquals(Boolean.FALSE, ring.untouchedBetween(12, 13, readsFirst, null),
                "several locations under one lock entry: any of them may be the one read");

        ReadSet readsUnknown = reading(orec);
        ring.publish(14, writesSecond, false);
        assertEquals(Boolean.FALSE, ring.untouchedBetween(13, 14, readsUnknown, null), "a read of no known location");
    }

    @Test
    void theNewestWriteOfAnOrecIsFoundForTheReport() {
        CommitRing ring = new CommitRing();
        WriteLog first = new WriteLog();
        first.addLock(9, 0, String.class, 12, 41, true);
        ring.publish(50, first, false);
        WriteLog second = new WriteLog();
        second.addLock(9, 0, Integer.class, 16, 42, true);
        ring.publish(60, second, false);

        assertEquals(42, ring.siteOf(ring.findWrite(9, 60)));
        assertEquals(41, ring.siteOf(ring.findWrite(9, 59)));
        assertEquals(-1, ring.findWrite(8, 60));
    }
}
