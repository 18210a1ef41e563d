package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.stats.Sites;

/**
 * The one-word summaries of read sets and write logs, and how a commit reads another slot's
 * summary beside its write-back marker to decide it need not wait for that slot's commit.
 */
class OrecSummaryTest {

    @Test
    void aSummaryMeetsEverySummaryThatHoldsOneOfItsOrecs() {
        Random random = new Random(11);
        for (int round = 0; round < 10_000; round++) {
            ReadSet reads = new ReadSet();
            WriteLog writes = new WriteLog();
            int shared = random.nextInt(Orecs.SIZE);
            for (int i = 0, n = random.nextInt(OrecSummary.FOLDED); i < n; i++) {
                reads.add(random.nextInt(Orecs.SIZE), Orecs.ANY_LOCATION, Sites.UNKNOWN);
            }
            reads.add(shared, Orecs.ANY_LOCATION, Sites.UNKNOWN);
            writes.addLock(shared, 0L, null, 0L, Sites.UNKNOWN, true);
            writes.markWritten(0);
            assertTrue(OrecSummary.mayMeet(reads.summary(), writes.summary(false)));
        }
    }

    @Test
    void disjointSmallSetsMostlyDoNotMeet() {
        Random random = new Random(13);
        int met = 0;
        int rounds = 10_000;
        for (int round = 0; round < rounds; round++) {
            ReadSet reads = new ReadSet();
            WriteLog writes = new WriteLog();
            // a transfer: reads two orecs and the monitor's word, writes two others
            int[] read = {random.nextInt(Orecs.SIZE), random.nextInt(Orecs.SIZE), random.nextInt(Orecs.SIZE)};
            for (int orec : read) {
                reads.add(orec, Orecs.ANY_LOCATION, Sites.UNKNOWN);
            }
            for (int i = 0; i < 2; i++) {
                int orec;
                do {
                    orec = random.nextInt(Orecs.SIZE);
                } while (orec == read[0] || orec == read[1] || orec == read[2]);
                writes.addLock(orec, 0L, null, 0L, Sites.UNKNOWN, true);
                writes.markWritten(i);
            }
            if (OrecSummary.mayMeet(reads.summary(), writes.summary(false))) {
                met++;
            }
        }
        assertTrue(met < rounds / 5, met + " of " + rounds + " disjoint pairs met");
    }

    @Test
    void largeSetsAndReadLocksAreSummarisedConservatively() {
        ReadSet reads = new ReadSet();
        for (int i = 0; i <= OrecSummary.FOLDED; i++) {
            reads.add(i * 7, Orecs.ANY_LOCATION, Sites.UNKNOWN);
        }
        assertEquals(OrecSummary.ANY, reads.summary());

        WriteLog writes = new WriteLog();
        writes.addLock(42, 0L, null, 0L, Sites.UNKNOWN, false); // locked to read, not written
        assertEquals(0L, writes.summary(false));
        assertEquals(OrecSummary.bit(42), writes.summary(true));
    }

    @Test
    void aCommitInFlightIsSkippedOnlyWhenItsSummaryMissesTheWrites() {
        PublishedState published = new PublishedState();
        long read = OrecSummary.bit(5);
        long other = findDisjointBit(read);
        assertTrue(Privatization.readNoneOf(published, read), "no commit in flight");

        published.startWriteback(read);
        assertFalse(Privatization.readNoneOf(published, read), "pending, and read what we wrote");
        assertTrue(Privatization.readNoneOf(published, other), "pending, read nothing we wrote");

        published.markWriteback(VersionClock.FIRST_VERSION + 10);
        assertFalse(Privatization.readNoneOf(published, read | other));
        assertTrue(Privatization.readNoneOf(published, other));

        published.markWriteback(0);
        assertTrue(Privatization.readNoneOf(published, read), "done");
    }

    private static long findDisjointBit(long summary) {
        for (int orec = 0; ; orec++) {
            if (!OrecSummary.mayMeet(OrecSummary.bit(orec), summary)) {
                return OrecSummary.bit(orec);
            }
        }
    }
}
