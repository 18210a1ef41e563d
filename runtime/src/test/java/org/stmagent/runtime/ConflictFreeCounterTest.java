package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.core.TransactionAbort;
import org.stmagent.runtime.core.Workers;
import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.Statistics;
import org.stmagent.runtime.stats.ThreadReport;

/** Concurrent transactions add to the counter without conflicting, and nothing is lost. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConflictFreeCounterTest {

    @Test
    void concurrentAddsDoNotConflictAndSumExactly() {
        ConflictFreeCounter counter = new ConflictFreeCounter();
        Map<String, Boolean> workers = new ConcurrentHashMap<>();
        new Workers("adding").add(4, t -> () -> {
            workers.put(Thread.currentThread().getName(), true);
            for (int i = 0; i < 10_000; i++) {
                Stm.atomic(() -> counter.add(1));
            }
        }).run(60);

        assertEquals(40_000, counter.get());
        for (ThreadReport report : Statistics.perThread()) {
            if (workers.containsKey(report.threadName())) {
                assertEquals(10_000, report.committed(), report.threadName());
                // no two running transactions share a cell; only an orec-table collision could abort
                assertTrue(report.aborted() <= 100, report.threadName() + " aborted " + report.aborted() + " times");
            }
        }
    }

    @Test
    void addsOfAnAbortedAttemptAreRolledBack() {
        ConflictFreeCounter counter = new ConflictFreeCounter();
        int[] attempts = new int[1];
        Stm.atomic(() -> {
            counter.add(5);
            if (++attempts[0] < 3) {
                throw TransactionAbort.of(AbortCause.OTHER);
            }
        });
        assertEquals(5, counter.get());
        counter.add(2); // outside a transaction: a transaction of its own
        assertEquals(7, counter.get());
    }

    @Test
    void aTransactionSeesItsOwnAddsExactly() {
        ConflictFreeCounter counter = new ConflictFreeCounter();
        counter.add(10);
        long[] seen = new long[2];
        Stm.atomic(() -> {
            counter.add(3);
            seen[0] = counter.get();
            counter.add(4);
            seen[1] = counter.get();
        });
        assertEquals(13, seen[0]);
        assertEquals(17, seen[1]);
        assertEquals(17, counter.get(), "each add committed once");
    }

    @Test
    void readersNeverSeeOneCounterOfATransactionWithoutTheOther() {
        ConflictFreeCounter first = new ConflictFreeCounter();
        ConflictFreeCounter second = new ConflictFreeCounter();
        AtomicLong mismatches = new AtomicLong();
        new Workers("adding or reading").add(2, t -> () -> {
            for (int i = 0; i < 20_000; i++) {
                Stm.atomic(() -> {
                    first.add(1);
                    second.add(1);
                });
            }
        }).add(2, t -> () -> {
            for (int i = 0; i < 20_000; i++) {
                if (Stm.atomic(() -> first.get() != second.get())) {
                    mismatches.incrementAndGet();
                }
            }
        }).run(60);

        assertEquals(0, mismatches.get(), "a reader saw one transaction's adds to one counter only");
        assertEquals(40_000, first.get());
        assertEquals(40_000, second.get());
    }
}
