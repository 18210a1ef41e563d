package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Serializability through the array barriers: money is neither created nor lost, and audits agree. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BankTest {

    @Test
    void eightThreadsOfTransfersConserveTheTotalAndEveryAuditSeesIt() {
        BankWorkload.Result result = new BankWorkload(64, 8, 100_000, 1, Long.MAX_VALUE).run(50);

        assertEquals(8L * 100_000, result.transfers, result::toString);
        assertEquals(result.expectedTotal, result.finalTotal, result::toString);
        assertTrue(result.audits > 0, result::toString);
        assertEquals(0, result.wrongAudits, result::toString);
        assertEquals(0, result.tornAuditAttempts, result::toString);
    }

    @Test
    void fewAccountsUnderHeavyContentionConserveTheTotal() {
        BankWorkload.Result result = new BankWorkload(4, 4, 50_000, 2, Long.MAX_VALUE).run(50);

        assertEquals(4L * 50_000, result.transfers, result::toString);
        assertEquals(0, result.violations(), result::toString);
    }
}
