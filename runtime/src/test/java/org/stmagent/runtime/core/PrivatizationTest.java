package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Privatization safety: once a transaction that makes data unreachable for others commits, its thread
 * uses that data with plain reads and writes, and never sees a late write-back from a transaction
 * that could reach the data before, and a transaction that reached the data before it was unlinked
 * never sees the private changes.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrivatizationTest {
    private static final long RUN_MILLIS = 2_500;

    @Test
    void anUnlinkedNodeNeverReceivesALateWriteBack() {
        PrivatizationWorkload.Result result = new PrivatizationWorkload(2, RUN_MILLIS).runList(60);

        assertTrue(result.privatized > 0 && result.mutations > 0, result::toString);
        assertEquals(0, result.lateWrites, result::toString);
        assertEquals(PrivatizationWorkload.NODES, result.nodesAtEnd, "the list keeps its nodes: " + result);
    }

    @Test
    void dataPrivatizedByClearingASharedFlagNeverReceivesALateWriteBack() {
        PrivatizationWorkload.Result result = new PrivatizationWorkload(2, RUN_MILLIS).runFlag(60);

        assertTrue(result.privatized > 0 && result.mutations > 0, result::toString);
        assertEquals(0, result.lateWrites, result::toString);
    }

    @Test
    void aReaderThatReachedDataBeforeItWasPrivatizedNeverSeesItsPrivateChanges() {
        DoomedReadWorkload.Result result = new DoomedReadWorkload(1, RUN_MILLIS).run(60);

        assertTrue(result.privatized > 0 && result.reads > 0, result::toString);
        assertEquals(0, result.inconsistentReads, result::toString);
    }
}
