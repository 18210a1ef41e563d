package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stmagent.instrument.RewritingLoader.call;
import static org.stmagent.instrument.RewritingLoader.create;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.Statistics;

class SynchronizedTest {
    private static final int THREADS = 4;
    private static final int INCREMENTS = 20_000;

    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void globalLockLosesNoUpdateAndRestoresLocalsOnRetry() throws Throwable {
        Class<?> counter = loader.fixture("Counter");
        call(counter, "reset");
        long abortedBefore = Statistics.total().aborted();
        List<Object> bodies = Threads.run(THREADS, () -> {
            Object mine = create(counter);
            int ran = (int) call(mine, "addMany", INCREMENTS);
            assertEquals((long) INCREMENTS, call(mine, "mine"));
            return ran;
        });
        assertEquals((long) THREADS * INCREMENTS, call(counter, "total"));
        for (Object ran : bodies) {
            assertEquals(INCREMENTS, ran, "locals written in the block are restored before a retry");
        }
        assertTrue(Statistics.total().aborted() > abortedBefore, "threads conflicted and retried");
    }

    @Test
    void staticSynchronizedMethodsLoseNoUpdate() throws Throwable {
        Class<?> counter = loader.fixture("Counter");
        call(counter, "reset");
        Threads.run(THREADS, () -> {
            for (int k = 0; k < INCREMENTS; k++) {
                call(counter, "addOne");
            }
            return null;
        });
        assertEquals((long) THREADS * INCREMENTS, call(counter, "total"));
    }

    @Test
    void reentrantAndNestedRegionsFlattenIntoOne() throws Throwable {
        Class<?> counter = loader.fixture("Counter");
        call(counter, "reset");
        Object c = create(counter);
        assertEquals(3, call(c, "nested", 3));
        assertEquals(4L, call(counter, "total"));
        assertEquals(4L, call(c, "mine"));
    }

    @Test
    void exceptionLeavingASynchronizedMethodCommitsAndPropagates() throws Throwable {
        Object f = create(loader.fixture("Failing"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(f, "setThenThrow", 5));
        assertEquals("after 5", e.getMessage());
        assertEquals(5, f.getClass().getField("value").get(f));
    }

    @Test
    void exceptionLeavingASynchronizedBlockCommitsAndReachesTheCallersHandler() throws Throwable {
        Object f = create(loader.fixture("Failing"));
        assertEquals(70, call(f, "blockThenThrow", 7));
        assertEquals(-1, call(f, "blockThenThrow", 0));
        assertEquals(0, f.getClass().getField("value").get(f));
    }

    @Test
    void catchThrowableInsideATransactionStillCatchesUserExceptions() throws Throwable {
        Object f = create(loader.fixture("Failing"));
        assertEquals(-2, call(f, "catchAll", new int[1], 3));
        assertEquals(9, call(f, "catchAll", new int[] {9}, 0));
    }

    @Test
    void lockModeKeepsRealMonitors() throws Throwable {
        RewritingLoader locking = new RewritingLoader(
                RewritePolicy.of(RewritingLoader.INCLUDED).withMonitorMode(MonitorMode.LOCK));
        Class<?> counter = locking.fixture("Counter");
        call(counter, "reset");
        Threads.run(THREADS, () -> call(create(counter), "addMany", 1000));
        assertEquals((long) THREADS * 1000, call(counter, "total"));
        Object f = create(locking.fixture("Failing"));
        assertThrows(IllegalStateException.class, () -> call(f, "setThenThrow", 5));
        assertTrue(java.lang.reflect.Modifier.isSynchronized(
                f.getClass().getMethod("setThenThrow", int.class).getModifiers()));
    }
}
