package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Opacity: no attempt, not even one that aborts later, sees a pair whose sum is not zero. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpacityTest {

    @Test
    void readersNeverSeeATornPairEvenInAttemptsThatAbort() {
        OpacityWorkload.Result result = new OpacityWorkload(64, 2, 2, 20_000, 2, 3_000).run(50);

        assertTrue(result.readerCommits > 0 && result.writerCommits > 0, result::toString);
        assertEquals(0, result.violations, result::toString);
        assertEquals(0, result.brokenPairsAtEnd, result::toString);
    }

    @Test
    void fewPairsAndSlowReadersNeverSeeATornPair() {
        OpacityWorkload.Result result = ValidationCheckMain.contendedOpacity(2_000).run(50);

        assertTrue(result.readerCommits > 0 && result.writerCommits > 0, result::toString);
        assertTrue(result.readerAttempts >= result.readerCommits, result::toString);
        assertEquals(0, result.allViolations(), result::toString);
    }
}
