package org.stmagent.runtime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.TransactionAbort;
import org.stmagent.runtime.core.Workers;
import org.stmagent.runtime.seam.Barriers;

/** Per-thread statistics count each committed transaction and each aborted attempt by cause. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class StatisticsTest {

    @Test
    void commitsAndAbortsAreCountedForTheirThread() {
        long[] cell = new long[1];
        AtomicReference<Thread> worker = new AtomicReference<>();

        new Workers("statistics").add(() -> {
            worker.set(Thread.currentThread());
            for (int i = 0; i < 10; i++) {
                Stm.atomic(() -> Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, Barriers.current(), Sites.UNKNOWN) + 1,
                        Barriers.current(), Sites.UNKNOWN));
            }
            AtomicInteger attempts = new AtomicInteger();
            Stm.atomic(() -> {
                if (attempts.incrementAndGet() == 1) {
                    throw TransactionAbort.of(AbortCause.OTHER);
                }
            });
            assertThrows(IllegalStateException.class, () -> Stm.atomic(() -> {
                throw new IllegalStateException("commits, then propagates");
            }));
        }).run(30);

        ThreadReport report = reportOf(worker.get());
        assertEquals(12, report.committed(), "ten plain commits, one after a retry, one ended by an exception");
        assertEquals(1, report.count(TimedState.RUN_ABORTED_OTHER));
        assertEquals(1, report.aborted());
        assertEquals(0, report.count(TimedState.RUN_ABORTED_WRITE_WRITE));
        assertEquals(0, report.count(TimedState.RUN_ABORTED_WRITE_READ));
        assertTrue(report.chargedNanos() <= report.lifetimeNanos(),
                "charged " + report.chargedNanos() + " of " + report.lifetimeNanos());
        for (TimedState state : TimedState.values()) {
            assertTrue(report.nanos(state) >= 0, state + " has negative time");
        }
        assertEquals(10, cell[0]);
    }

    @Test
    void timeIsSampledIntoTheStatesAndAddsUpToTheThreadsLifetime() {
        long[] cell = new long[1];
        AtomicReference<Thread> worker = new AtomicReference<>();
        new Workers("timed").add(() -> {
            worker.set(Thread.currentThread());
            long end = System.nanoTime() + 100_000_000L;
            while (System.nanoTime() < end) {
                // long enough transactions that most clock ticks land inside one
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    for (int i = 0; i < 2_000; i++) {
                        Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                    }
                });
            }
        }).run(30);

        ThreadReport report = reportOf(worker.get());
        long charged = report.chargedNanos();
        assertTrue(report.nanos(TimedState.RUN_COMMITTED) > charged / 2,
                "committed " + report.nanos(TimedState.RUN_COMMITTED) + " of " + charged);
        assertTrue(charged >= 80_000_000L && charged <= report.lifetimeNanos(),
                "charged " + charged + " of lifetime " + report.lifetimeNanos());
    }

    @Test
    void theTotalAddsUpTheThreads() {
        Stm.atomic(() -> { });
        long committed = 0;
        for (ThreadReport r : Statistics.perThread()) {
            committed += r.committed();
        }
        ThreadReport total = Statistics.total(); // taken after: counts only grow
        assertTrue(committed >= 1);
        assertTrue(total.committed() >= committed, "total " + total.committed() + " vs sum " + committed);
    }

    public static ThreadReport reportOf(Thread thread) {
        ThreadReport found = null;
        for (ThreadReport r : Statistics.perThread()) {
            if (r.threadId() == thread.getId()) {
                found = r;
            }
        }
        if (found == null) {
            throw new AssertionError("no statistics for thread " + thread.getName());
        }
        return found;
    }
}
