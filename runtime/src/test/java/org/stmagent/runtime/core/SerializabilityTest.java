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
 * Serializability beyond lost updates: write skew, which snapshot isolation allows and a serializable
 * STM must not. Each customer has two accounts whose sum must stay non-negative; a withdrawal checks
 * the sum of both and takes from one. Two withdrawals from different accounts of one customer that
 * both saw the old sum would overdraw the customer.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerializabilityTest {

    @Test
    void withdrawalsCheckingBothAccountsNeverOverdrawACustomer() {
        int customers = 4;
        long[] accounts = new long[2 * customers];
        java.util.Arrays.fill(accounts, 50);
        AtomicLong withdrawals = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        AtomicLong deposits = new AtomicLong();

        Workers workers = new Workers("write-skew");
        workers.add(4, t -> () -> {
            SplittableRandom random = new SplittableRandom(t);
            for (int i = 0; i < 50_000; i++) {
                int customer = random.nextInt(customers);
                int from = 2 * customer + random.nextInt(2);
                if (random.nextInt(4) == 0) {
                    Stm.atomic(() -> {
                        Segment s = Barriers.current();
                        Barriers.storeLong(accounts, from, Barriers.loadLong(accounts, from, s, Sites.UNKNOWN) + 60, s, Sites.UNKNOWN);
                    });
                    deposits.incrementAndGet();
                    continue;
                }
                boolean done = Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    long both = Barriers.loadLong(accounts, 2 * customer, s, Sites.UNKNOWN) + Barriers.loadLong(accounts, 2 * customer + 1, s, Sites.UNKNOWN);
                    if (both < 80) {
                        return false;
                    }
                    Barriers.storeLong(accounts, from, Barriers.loadLong(accounts, from, s, Sites.UNKNOWN) - 80, s, Sites.UNKNOWN);
                    return true;
                });
                (done ? withdrawals : refusals).incrementAndGet();
            }
        });
        workers.run(50);

        String summary = "withdrawals=" + withdrawals + " refusals=" + refusals + " deposits=" + deposits;
        assertTrue(withdrawals.get() > 0 && refusals.get() > 0, summary);
        long total = 0;
        for (int c = 0; c < customers; c++) {
            long both = accounts[2 * c] + accounts[2 * c + 1];
            assertTrue(both >= 0, "customer " + c + " overdrawn: " + both + "; " + summary);
            total += both;
        }
        assertEquals(100L * customers + 60 * deposits.get() - 80 * withdrawals.get(), total, summary);
    }
}
