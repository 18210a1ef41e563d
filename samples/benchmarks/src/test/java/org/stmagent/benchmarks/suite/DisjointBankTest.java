package org.stmagent.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stmagent.benchmarks.workload.bank.SynchronizedBank;

/** bank-65536-disjoint: each thread's transfers stay inside its own share of the accounts. */
class DisjointBankTest {
    private static final int ACCOUNTS = 64;

    @Test
    void aThreadTransfersOnlyWithinItsShare() {
        SynchronizedBank accounts = new SynchronizedBank(ACCOUNTS, BankMixWorkload.INITIAL_BALANCE);
        BankMixWorkload bank = new BankMixWorkload(accounts, ACCOUNTS, 2);
        Worker second = new Worker(1);
        for (int i = 0; i < 10_000; i++) {
            bank.operate(second);
        }
        int[] firstShare = IntStream.range(0, ACCOUNTS / 2).toArray();
        int[] secondShare = IntStream.range(ACCOUNTS / 2, ACCOUNTS).toArray();
        long shareTotal = BankMixWorkload.INITIAL_BALANCE * ACCOUNTS / 2;
        assertEquals(shareTotal, accounts.audit(firstShare), "the other thread's share was touched");
        assertEquals(shareTotal, accounts.audit(secondShare), "money left or entered the share");
        assertNotEquals(BankMixWorkload.INITIAL_BALANCE, accounts.audit(new int[] {ACCOUNTS / 2}), "no transfer ran");
        bank.verify();
    }
}
