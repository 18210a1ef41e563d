package org.stmagent.runtime.core;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * The bank checker: transfer threads move money between accounts of a {@code long[]} through the
 * array barriers while audit threads sum every account in their own transactions.
 *
 * <p>Serializability shows as: every committed audit returns the initial total, and the total at the
 * end is the initial total. Opacity shows as: no audit attempt, even one that later aborts, sums to
 * anything else. A lost update (a transfer that commits over a balance it read before another
 * transfer changed it) breaks the final total; a torn snapshot breaks an audit.
 *
 * <p>Shared by {@link BankTest} and the child-JVM check of {@link ValidationCheckMain}, so both run
 * exactly the same checks.
 */
final class BankWorkload {
    static final long INITIAL_BALANCE = 1_000;

    final int accounts;
    final int transferThreads;
    final int transfersPerThread;
    final int auditThreads;
    final long maxMillis;

    /**
     * @param maxMillis transfer threads stop early after this long (the run still checks what was
     *                  done); {@code Long.MAX_VALUE} for "all transfers"
     */
    BankWorkload(int accounts, int transferThreads, int transfersPerThread, int auditThreads, long maxMillis) {
        this.accounts = accounts;
        this.transferThreads = transferThreads;
        this.transfersPerThread = transfersPerThread;
        this.auditThreads = auditThreads;
        this.maxMillis = maxMillis;
    }

    /** What one run saw. */
    static final class Result {
        long expectedTotal;
        long finalTotal;
        long transfers;
        long audits;
        /** Committed audits whose total differed from the expected one. */
        long wrongAudits;
        /** Audit attempts (committed or not) whose running total differed, seen inside the body. */
        long tornAuditAttempts;

        /** Every broken rule counted once per occurrence; zero when the STM is correct. */
        long violations() {
            return wrongAudits + tornAuditAttempts + (finalTotal != expectedTotal ? 1 : 0);
        }

        @Override
        public String toString() {
            return "bank: transfers=" + transfers + " audits=" + audits + " wrongAudits=" + wrongAudits
                    + " tornAuditAttempts=" + tornAuditAttempts + " finalTotal=" + finalTotal
                    + " expectedTotal=" + expectedTotal;
        }
    }

    Result run(long timeoutSeconds) {
        long[] balances = new long[accounts];
        java.util.Arrays.fill(balances, INITIAL_BALANCE);
        long expected = INITIAL_BALANCE * accounts;

        AtomicLong transfers = new AtomicLong();
        AtomicLong audits = new AtomicLong();
        AtomicLong wrongAudits = new AtomicLong();
        AtomicLong tornAttempts = new AtomicLong();
        AtomicLong transfersRunning = new AtomicLong(transferThreads);
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = maxMillis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + maxMillis * 1_000_000L;

        Workers workers = new Workers("bank");
        workers.add(transferThreads, t -> () -> {
            SplittableRandom random = new SplittableRandom(31L * t + 7);
            try {
                for (int i = 0; i < transfersPerThread && !stop.get(); i++) {
                    int from = random.nextInt(accounts);
                    int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                    long amount = 1 + random.nextInt(100);
                    transfer(balances, from, to, amount);
                    transfers.incrementAndGet();
                    if ((i & 1023) == 0 && System.nanoTime() - deadline > 0) {
                        break;
                    }
                }
            } finally {
                transfersRunning.decrementAndGet();
            }
        });
        workers.add(auditThreads, t -> () -> {
            // audit at least once, then for as long as transfers run
            do {
                long total = Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    long sum = 0;
                    for (int i = 0; i < accounts; i++) {
                        sum += Barriers.loadLong(balances, i, s, Sites.UNKNOWN);
                    }
                    if (sum != expected) {
                        tornAttempts.incrementAndGet();
                    }
                    return sum;
                });
                audits.incrementAndGet();
                if (total != expected) {
                    wrongAudits.incrementAndGet();
                }
            } while (transfersRunning.get() > 0);
        });
        try {
            workers.run(timeoutSeconds);
        } finally {
            stop.set(true);
        }

        Result result = new Result();
        result.expectedTotal = expected;
        result.finalTotal = java.util.Arrays.stream(balances).sum();
        result.transfers = transfers.get();
        result.audits = audits.get();
        result.wrongAudits = wrongAudits.get();
        result.tornAuditAttempts = tornAttempts.get();
        return result;
    }

    static void transfer(long[] balances, int from, int to, long amount) {
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            long a = Barriers.loadLong(balances, from, s, Sites.UNKNOWN);
            long b = Barriers.loadLong(balances, to, s, Sites.UNKNOWN);
            Barriers.storeLong(balances, from, a - amount, s, Sites.UNKNOWN);
            Barriers.storeLong(balances, to, b + amount, s, Sites.UNKNOWN);
        });
    }
}
