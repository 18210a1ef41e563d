package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * An exception leaving an atomic region behaves as it would leaving a {@code synchronized} block: the
 * region's writes are committed, and the very same exception propagates.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExceptionSemanticsTest {

    @Test
    void aRuntimeExceptionCommitsTheWritesAndPropagatesUnchanged() {
        long[] cells = new long[2];
        IllegalStateException thrown = new IllegalStateException("after the writes");

        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.storeLong(cells, 0, 41, s, Sites.UNKNOWN);
            Barriers.storeLong(cells, 1, 42, s, Sites.UNKNOWN);
            throw thrown;
        }));

        assertSame(thrown, caught);
        assertArrayEquals(new long[] {41, 42}, cells);
        assertFalse(Stm.inTransaction(), "the transaction is over");
    }

    @Test
    void aCheckedExceptionThrownSneakilyCommitsAndPropagatesUnchanged() {
        int[] cell = new int[1];
        IOException thrown = new IOException("checked");

        Throwable caught = assertThrows(IOException.class, () -> Stm.atomic(() -> {
            Barriers.storeInt(cell, 0, 7, Barriers.current(), Sites.UNKNOWN);
            throw ExceptionSemanticsTest.<RuntimeException>sneaky(thrown);
        }));

        assertSame(thrown, caught);
        assertEquals(7, cell[0]);
    }

    @Test
    void anErrorCommitsAndPropagatesUnchanged() {
        int[] cell = new int[1];
        StackOverflowError thrown = new StackOverflowError("pretend");

        Throwable caught = assertThrows(StackOverflowError.class, () -> Stm.atomic((Runnable) () -> {
            Barriers.storeInt(cell, 0, 9, Barriers.current(), Sites.UNKNOWN);
            throw thrown;
        }));

        assertSame(thrown, caught);
        assertEquals(9, cell[0]);
    }

    @Test
    void theValueReturningFormCommitsAndPropagatesToo() {
        Object[] cell = new Object[1];
        UnsupportedOperationException thrown = new UnsupportedOperationException();

        Throwable caught = assertThrows(UnsupportedOperationException.class, () -> Stm.atomic(() -> {
            Barriers.storeRef(cell, 0, "written", Barriers.current(), Sites.UNKNOWN);
            if (cell.length == 1) {
                throw thrown;
            }
            return "unreachable";
        }));

        assertSame(thrown, caught);
        assertEquals("written", cell[0]);
    }

    @Test
    void anExceptionFromAFailingBarrierCommitsEarlierWrites() {
        long[] written = new long[1];
        long[] tooShort = new long[1];

        assertThrows(ArrayIndexOutOfBoundsException.class, () -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.storeLong(written, 0, 5, s, Sites.UNKNOWN);
            Barriers.storeLong(tooShort, 1, 6, s, Sites.UNKNOWN);
        }));

        assertEquals(5, written[0]);
        assertEquals(0, tooShort[0]);
    }

    @Test
    void anExceptionCaughtInsideTheTransactionDoesNotEndIt() {
        long[] cells = new long[3];

        long result = Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.storeLong(cells, 0, 1, s, Sites.UNKNOWN);
            try {
                Stm.atomic(() -> {
                    Barriers.storeLong(cells, 1, 2, Barriers.current(), Sites.UNKNOWN);
                    throw new IllegalArgumentException("caught by the outer region");
                });
            } catch (IllegalArgumentException expected) {
                // as with a nested synchronized block: the inner writes stay
            }
            Barriers.storeLong(cells, 2, 3, s, Sites.UNKNOWN);
            return Barriers.loadLong(cells, 1, s, Sites.UNKNOWN);
        });

        assertEquals(2, result, "the outer region sees the inner write after the inner region threw");
        assertArrayEquals(new long[] {1, 2, 3}, cells);
    }

    @Test
    void theThreadRunsNewTransactionsAfterAnException() {
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            assertThrows(IllegalStateException.class, () -> Stm.atomic(() -> {
                ran.incrementAndGet();
                throw new IllegalStateException();
            }));
            assertFalse(Stm.inTransaction());
        }
        assertEquals(100, ran.get(), "each body ran once: an exception is not a conflict");
        assertEquals(3, (int) Stm.atomic(() -> 3));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
