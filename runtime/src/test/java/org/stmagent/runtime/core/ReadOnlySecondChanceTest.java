package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * A large read-only transaction that aborted (an audit of every account, overtaken by transfers)
 * gets a second chance that cannot fail the same way and stops nobody: it runs inevitable, locking
 * what it reads, and transfers between accounts it has not reached yet commit while it runs. It
 * never runs alone, and every audit sees the full total.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReadOnlySecondChanceTest {
    private static final int ACCOUNTS = 4_096; // an audit reads them all: a large transaction
    private static final long INITIAL = 100;
    /** Transfers that may have been committing when an audit's second chance began. */
    private static final int TRANSFER_THREADS = 2;

    @Test
    void abortedAuditsRerunInevitableWhileTransfersGoOn() {
        long[] balances = new long[ACCOUNTS];
        java.util.Arrays.fill(balances, INITIAL);
        AtomicLong transfersCommitted = new AtomicLong();
        AtomicLong secondChances = new AtomicLong();
        AtomicLong serialAudits = new AtomicLong();
        AtomicLong transfersDuringSecondChances = new AtomicLong();
        AtomicLong wrongTotals = new AtomicLong();
        long end = System.nanoTime() + 500_000_000L;

        new Workers("second-chance").add(TRANSFER_THREADS, t -> () -> {
            SplittableRandom random = new SplittableRandom(t);
            while (System.nanoTime() < end) {
                int from = random.nextInt(ACCOUNTS);
                int to = random.nextInt(ACCOUNTS);
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    Barriers.storeLong(balances, from, Barriers.loadLong(balances, from, s, Sites.UNKNOWN) - 1, s, Sites.UNKNOWN);
                    Barriers.storeLong(balances, to, Barriers.loadLong(balances, to, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                });
                transfersCommitted.incrementAndGet();
            }
        }).add(() -> {
            while (System.nanoTime() < end) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    boolean secondChance = s.isInevitable() && InevitableToken.holderSite() == Sites.LARGE_READ_ONLY;
                    long before = transfersCommitted.get();
                    long total = 0;
                    for (int i = 0; i < ACCOUNTS; i++) {
                        total += Barriers.loadLong(balances, i, s, Sites.UNKNOWN);
                    }
                    if (s.isSerial()) {
                        serialAudits.incrementAndGet();
                    }
                    if (secondChance) {
                        secondChances.incrementAndGet();
                        // each transfer thread may have had one commit in flight when this attempt began
                        transfersDuringSecondChances.addAndGet(
                                Math.max(0, transfersCommitted.get() - before - TRANSFER_THREADS));
                    }
                    if (total != INITIAL * ACCOUNTS) {
                        wrongTotals.incrementAndGet();
                    }
                });
            }
        }).run(60);

        assertEquals(0, wrongTotals.get(), "every audit saw the full total");
        assertTrue(secondChances.get() > 0, "audits were overtaken and ran their second chance inevitable");
        assertEquals(0, serialAudits.get(), "a read-only audit never runs alone");
        assertTrue(transfersDuringSecondChances.get() > 0,
                "transfers committed while second chances ran: " + secondChances.get() + " second chances");
        long total = 0;
        for (long b : balances) {
            total += b;
        }
        assertEquals(INITIAL * ACCOUNTS, total);
    }
}
