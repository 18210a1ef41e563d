package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.NestedTransactionException;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/** Nested atomic regions flatten into the outermost one; exclusive regions refuse to nest. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NestingTest {

    @Test
    void aNestedRegionJoinsTheOuterTransaction() {
        long[] cells = new long[2];
        AtomicInteger innerSawOuterWrite = new AtomicInteger(-1);

        long outerSawInnerWrite = Stm.atomic(() -> {
            Segment outer = Barriers.current();
            assertNotNull(outer);
            Barriers.storeLong(cells, 0, 10, outer, Sites.UNKNOWN);
            Stm.atomic(() -> {
                Segment inner = Barriers.current();
                assertSame(outer, inner, "one transaction, one segment");
                innerSawOuterWrite.set((int) Barriers.loadLong(cells, 0, inner, Sites.UNKNOWN));
                Barriers.storeLong(cells, 1, 20, inner, Sites.UNKNOWN);
            });
            assertTrue(Stm.inTransaction(), "still inside the outer region after the inner one returned");
            return Barriers.loadLong(cells, 1, outer, Sites.UNKNOWN);
        });

        assertEquals(10, innerSawOuterWrite.get());
        assertEquals(20, outerSawInnerWrite);
        assertEquals(10, cells[0]);
        assertEquals(20, cells[1]);
        assertFalse(Stm.inTransaction());
        assertNull(Barriers.current());
    }

    @Test
    void aConflictDetectedInTheInnerRegionRestartsTheOuterOne() {
        assumeTrue(Stm.segmentLimit() >= 2, "needs a second segment for the conflicting writer");
        long[] x = new long[1];
        long[] result = new long[1];
        AtomicInteger outerAttempts = new AtomicInteger();
        AtomicInteger innerAttempts = new AtomicInteger();

        Stm.atomic(() -> {
            int attempt = outerAttempts.incrementAndGet();
            Segment s = Barriers.current();
            long first = Barriers.loadLong(x, 0, s, Sites.UNKNOWN);
            Stm.atomic(() -> {
                innerAttempts.incrementAndGet();
                if (attempt == 1) {
                    commitElsewhere(() -> Stm.atomic(() -> {
                        Segment other = Barriers.current();
                        Barriers.storeLong(x, 0, Barriers.loadLong(x, 0, other, Sites.UNKNOWN) + 5, other, Sites.UNKNOWN);
                    }));
                }
                long second = Barriers.loadLong(x, 0, Barriers.current(), Sites.UNKNOWN);
                Barriers.storeLong(result, 0, first * 1_000 + second, Barriers.current(), Sites.UNKNOWN);
            });
        });

        assertEquals(2, outerAttempts.get(), "the outer region ran again");
        assertEquals(2, innerAttempts.get());
        assertEquals(5, x[0]);
        assertEquals(5_005, result[0], "the committed attempt read one snapshot");
    }

    @Test
    void outerAndInnerWritesCommitTogether() {
        long[] a = new long[1];
        long[] b = new long[1];
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong mismatches = new AtomicLong();
        AtomicLong observations = new AtomicLong();

        Workers workers = new Workers("nesting-atomicity");
        workers.add(() -> {
            try {
                for (int i = 1; i <= 20_000; i++) {
                    long value = i;
                    Stm.atomic(() -> {
                        Barriers.storeLong(a, 0, value, Barriers.current(), Sites.UNKNOWN);
                        Stm.atomic(() -> Barriers.storeLong(b, 0, value, Barriers.current(), Sites.UNKNOWN));
                    });
                }
            } finally {
                stop.set(true);
            }
        });
        workers.add(() -> {
            while (!stop.get()) {
                boolean same = Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    return Barriers.loadLong(a, 0, s, Sites.UNKNOWN) == Barriers.loadLong(b, 0, s, Sites.UNKNOWN);
                });
                observations.incrementAndGet();
                if (!same) {
                    mismatches.incrementAndGet();
                }
            }
        });
        workers.run(50);

        assertEquals(0, mismatches.get(), "observations: " + observations);
        assertEquals(20_000, a[0]);
        assertEquals(20_000, b[0]);
    }

    @Test
    void exclusiveAtomicRunsOutsideATransaction() {
        long[] cell = new long[1];

        Stm.exclusiveAtomic(() -> Barriers.storeLong(cell, 0, 3, Barriers.current(), Sites.UNKNOWN));
        long read = Stm.exclusiveAtomic(() -> Barriers.loadLong(cell, 0, Barriers.current(), Sites.UNKNOWN));

        assertEquals(3, cell[0]);
        assertEquals(3, read);
        assertFalse(Stm.inTransaction());
    }

    @Test
    void exclusiveAtomicInsideATransactionThrows() {
        AtomicInteger bodyRan = new AtomicInteger();

        assertThrows(NestedTransactionException.class, () -> Stm.atomic(() -> {
            Stm.exclusiveAtomic(() -> {
                bodyRan.incrementAndGet();
            });
        }));
        assertThrows(NestedTransactionException.class, () -> Stm.exclusiveAtomic(() -> {
            Stm.exclusiveAtomic(() -> {
                bodyRan.incrementAndGet();
            });
        }));

        assertEquals(0, bodyRan.get(), "the nested exclusive body never ran");
        assertFalse(Stm.inTransaction());
    }

    @Test
    void theOuterTransactionGoesOnWhenItCatchesTheNestingError() {
        long[] cell = new long[1];

        boolean refused = Stm.atomic(() -> {
            Barriers.storeLong(cell, 0, 1, Barriers.current(), Sites.UNKNOWN);
            try {
                Stm.exclusiveAtomic(() -> { });
                return false;
            } catch (NestedTransactionException expected) {
                Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, Barriers.current(), Sites.UNKNOWN) + 1, Barriers.current(), Sites.UNKNOWN);
                return true;
            }
        });

        assertTrue(refused);
        assertEquals(2, cell[0]);
    }

    /** Runs {@code work} on another thread and waits for it, inside the caller's transaction. */
    private static void commitElsewhere(Runnable work) {
        new Workers("conflicting-writer").add(work).run(30);
    }
}
