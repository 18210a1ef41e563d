package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.InevitableSites;
import org.stmagent.runtime.stats.Sites;

/**
 * The options of {@code @Atomic} methods, driven the way a rewritten method drives them
 * ({@link #runAsAtomicMethod}): the retry limit, failure atomicity (also after the transaction went
 * inevitable), and the callbacks and thread-locals that must see each rolled-back attempt.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtomicOptionsTest {

    /** What the rewriter emits for an {@code @Atomic(retries = ..., rollbackOnException = ...)} method. */
    static void runAsAtomicMethod(int retries, boolean rollbackOnException, Runnable body) {
        Segment s = Barriers.beginAtomic(retries, rollbackOnException);
        while (true) {
            try {
                body.run();
            } catch (Throwable t) {
                Barriers.afterThrowable(s, t);
                continue;
            }
            if (Barriers.commit(s)) {
                return;
            }
        }
    }

    private static final long[] SCRATCH = new long[1];

    /**
     * Reads {@code cells[0]}, then has another thread commit a write to it: this attempt, which also
     * writes (a read-only one would commit on its consistent snapshot), cannot commit.
     */
    private static void readThenGetOverwritten(long[] cells) {
        Barriers.storeLong(SCRATCH, 0, 1, Barriers.current(), Sites.UNKNOWN);
        Barriers.loadLong(cells, 0, Barriers.current(), Sites.UNKNOWN);
        Thread writer = new Thread(() -> Stm.atomic(() -> {
            Segment w = Barriers.current();
            Barriers.storeLong(cells, 0, Barriers.loadLong(cells, 0, w, Sites.UNKNOWN) + 1, w, Sites.UNKNOWN);
        }));
        writer.start();
        try {
            writer.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAttemptRolledBackAfterTheLastRetryGivesUpWithNoEffectLeft() {
        long[] cells = new long[2];
        AtomicInteger attempts = new AtomicInteger();

        RetryLimitExceededException e = assertThrows(RetryLimitExceededException.class, () -> runAsAtomicMethod(2, false, () -> {
            attempts.incrementAndGet();
            Barriers.storeLong(cells, 1, 99, Barriers.current(), Sites.UNKNOWN);
            readThenGetOverwritten(cells);
        }));

        assertEquals(3, attempts.get(), "the first attempt and two retries");
        assertEquals(3, e.attempts());
        assertEquals(3, cells[0], "the other thread's three commits");
        assertEquals(0, cells[1], "the given-up transaction's write is gone");
        assertFalse(Stm.inTransaction());
        Stm.atomic(() -> Barriers.storeLong(cells, 1, 1, Barriers.current(), Sites.UNKNOWN)); // the thread is usable again
        assertEquals(1, cells[1]);
    }

    @Test
    void withoutALimitTheSameConflictIsRetriedUntilItCommits() {
        long[] cells = new long[1];
        AtomicInteger attempts = new AtomicInteger();

        runAsAtomicMethod(Integer.MAX_VALUE, false, () -> {
            if (attempts.incrementAndGet() <= 3) {
                readThenGetOverwritten(cells);
            }
        });

        assertEquals(4, attempts.get());
    }

    @Test
    void rollbackOnExceptionLeavesNoEffectAndRethrowsTheSameException() {
        long[] cells = new long[2];
        IllegalStateException thrown = new IllegalStateException("undo me");

        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> runAsAtomicMethod(Integer.MAX_VALUE, true, () -> {
            Segment s = Barriers.current();
            Barriers.storeLong(cells, 0, 5, s, Sites.UNKNOWN);
            Barriers.storeLong(cells, 1, 6, s, Sites.UNKNOWN);
            throw thrown;
        }));

        assertSame(thrown, caught);
        assertArrayEquals(new long[] {0, 0}, cells);
        assertFalse(Stm.inTransaction());
    }

    @Test
    void rollbackOnExceptionAlsoUndoesWhatAnInevitableTransactionWroteInPlace() {
        long[] cells = new long[3];
        Object[] refs = {"before"};

        assertThrows(IllegalStateException.class, () -> runAsAtomicMethod(Integer.MAX_VALUE, true, () -> {
            Segment s = Barriers.current();
            Barriers.storeLong(cells, 0, 1, s, Sites.UNKNOWN); // buffered, written back at the switch
            Stm.becomeInevitable();
            Barriers.storeLong(cells, 1, 2, s, Sites.UNKNOWN); // in place
            Barriers.storeLong(cells, 1, 3, s, Sites.UNKNOWN); // twice: the oldest value must come back
            Barriers.storeRef(refs, 0, "after", s, Sites.UNKNOWN);
            throw new IllegalStateException("after going inevitable");
        }));

        assertArrayEquals(new long[] {0, 0, 0}, cells);
        assertEquals("before", refs[0]);
        // the orecs were released at their old versions: a new transaction reads and writes them
        Stm.atomic(() -> Barriers.storeLong(cells, 1, Barriers.loadLong(cells, 1, Barriers.current(), Sites.UNKNOWN) + 7,
                Barriers.current(), Sites.UNKNOWN));
        assertEquals(7, cells[1]);
    }

    @Test
    void afterAbortRunsOncePerRolledBackAttemptNewestFirstAndOutsideTheTransaction() {
        long[] cells = new long[1];
        List<String> ran = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();

        runAsAtomicMethod(Integer.MAX_VALUE, false, () -> {
            int attempt = attempts.incrementAndGet();
            Stm.afterAbort(() -> ran.add(attempt + "a" + (Stm.inTransaction() ? " inside" : "")));
            Stm.afterAbort(() -> ran.add(attempt + "b"));
            if (attempt <= 2) {
                readThenGetOverwritten(cells);
            }
        });

        assertEquals(List.of("1b", "1a", "2b", "2a"), ran, "the committed third attempt drops its actions");
        Stm.afterAbort(() -> ran.add("outside"));
        assertEquals(4, ran.size(), "outside a transaction there is nothing to abort");
    }

    @Test
    void aRetrySafeThreadLocalStartsEachAttemptFromItsValueBeforeTheTransaction() {
        long[] cells = new long[1];
        RetrySafeThreadLocal<Integer> steps = RetrySafeThreadLocal.withInitialValue(() -> 0);
        ThreadLocal<Integer> plain = ThreadLocal.withInitial(() -> 0);
        AtomicInteger attempts = new AtomicInteger();

        runAsAtomicMethod(Integer.MAX_VALUE, false, () -> {
            steps.set(steps.get() + 1);
            steps.set(steps.get() + 1);
            plain.set(plain.get() + 2);
            if (attempts.incrementAndGet() <= 2) {
                readThenGetOverwritten(cells);
            }
        });

        assertEquals(2, steps.get(), "one committed attempt's two steps");
        assertEquals(6, plain.get(), "a plain thread-local keeps the rolled-back attempts' changes");
        steps.remove();
        assertEquals(0, steps.get());
        assertTrue(attempts.get() == 3);
    }

    @Test
    void becomeInevitableIsChargedToTheCodeThatCalledIt() {
        Stm.atomic(() -> Stm.becomeInevitable());
        int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
        boolean found = InevitableSites.TALLIES.merged().stream().map(e -> Sites.get(e.getKey())).anyMatch(site ->
                site.className().equals(AtomicOptionsTest.class.getName()) && site.line() == line
                        && site.access().equals("Stm.becomeInevitable()"));
        assertTrue(found, () -> "inevitable sites: " + InevitableSites.TALLIES.merged().stream()
                .map(e -> Sites.get(e.getKey()).describe()).toList());
    }
}
