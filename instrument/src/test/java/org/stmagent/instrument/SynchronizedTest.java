package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stmagent.instrument.RewritingLoader.call;
import static org.stmagent.instrument.RewritingLoader.create;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.stmagent.runtime.stats.Statistics;

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
    void anObjectConstructedUnderTheLockIsReturnedFromTheBlock() throws Throwable {
        Class<?> counter = loader.fixture("Counter");
        call(counter, "reset");
        call(counter, "addOne");
        Object copy = call(counter, "copyOfTotal"); // the class loads only if it could be rewritten
        assertEquals(1L, call(copy, "mine"));
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

    @Test
    void abortInsideANestedBlockRetriesTheOutermostRegion() throws Throwable {
        // nested() holds its own monitor and enters two blocks inside; the innermost writes the
        // shared total, so threads abort each other inside the nested blocks' release handlers
        Class<?> counter = loader.fixture("Counter");
        long abortedBefore = Statistics.total().aborted();
        // rounds until the threads have really conflicted (scheduling decides when), each checked
        for (int round = 0; round < 20 && Statistics.total().aborted() == abortedBefore; round++) {
            call(counter, "reset");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Threads.run(THREADS, () -> {
                Object c = create(counter);
                for (int k = 0; k < 2_000; k++) {
                    call(c, "nested", 2);
                }
                return null;
            }));
            assertEquals((long) THREADS * 2_000 * 3, call(counter, "total"));
        }
        assertTrue(Statistics.total().aborted() > abortedBefore, "threads conflicted and retried");
    }

    @Test
    void noReleaseHandlerCatchesItsOwnAbortGuard() throws Throwable {
        loader.fixture("Counter");
        ClassNode c = new ClassNode();
        new ClassReader(loader.rewritten.get(RewritingLoader.FIXTURES + "Counter")).accept(c, 0);
        int guards = 0;
        for (MethodNode m : c.methods) {
            for (TryCatchBlockNode handler : m.tryCatchBlocks) {
                AbstractInsnNode rethrow = abortGuardRethrow(handler.handler);
                if (rethrow == null) {
                    continue;
                }
                guards++;
                int at = m.instructions.indexOf(rethrow);
                for (TryCatchBlockNode range : m.tryCatchBlocks) {
                    if (range.handler == handler.handler) {
                        assertFalse(m.instructions.indexOf(range.start) <= at && at < m.instructions.indexOf(range.end),
                                m.name + ": the handler's own range covers its abort rethrow, which would loop");
                    }
                }
            }
        }
        assertTrue(guards >= 4, "the nested blocks' handlers are guarded");
    }

    @Test
    void anExceptionLeavingNestedBlocksCommitsOnceAndPropagates() throws Throwable {
        // javac's handler of the outer block covers the inner block's handler and itself: the
        // converted handler, put in its place, must not catch what it rethrows once committed
        Object f = create(loader.fixture("ExitPaths"));
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IllegalStateException.class, () -> call(f, "nestedThenThrow", 5)));
        assertEquals("v=5", e.getMessage());
        assertEquals(10L, f.getClass().getField("value").get(f));
        call(f, "nestedThenThrow", 0);
        assertEquals(10L, f.getClass().getField("value").get(f));
    }

    @Test
    void threadsLeavingThreeNestedBlocksByExceptionsAndReturnsLoseNothing() throws Throwable {
        Object f = create(loader.fixture("ExitPaths"));
        List<Object> threw = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Threads.run(THREADS, () -> call(f, "manyThreeDeep", 4_000)));
        for (Object n : threw) {
            assertEquals(2_000, n);
        }
        assertEquals((long) THREADS * 4_000 * 2, f.getClass().getField("value").get(f));
    }

    @Test
    void noRegionHandlerCoversItsOwnRethrowOrTheCommit() throws Throwable {
        loader.fixture("ExitPaths");
        ClassNode c = new ClassNode();
        new ClassReader(loader.rewritten.get(RewritingLoader.FIXTURES + "ExitPaths")).accept(c, 0);
        int regions = 0;
        for (MethodNode m : c.methods) {
            for (TryCatchBlockNode range : m.tryCatchBlocks) {
                AbstractInsnNode afterThrowable = barrierCallAt(range.handler, "afterThrowable");
                if (afterThrowable == null) {
                    continue; // not a converted region's handler
                }
                regions++;
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn == afterThrowable || insn instanceof MethodInsnNode call && call.name.equals("commit")
                            && call.owner.equals("org/stmagent/runtime/seam/Barriers")) {
                        int at = m.instructions.indexOf(insn);
                        assertFalse(m.instructions.indexOf(range.start) <= at && at < m.instructions.indexOf(range.end),
                                m.name + ": a region's handler covers its own " + ((MethodInsnNode) insn).name
                                        + " call, so what it throws comes back to the handler");
                    }
                }
            }
        }
        assertTrue(regions >= 2, "the blocks were converted");
    }

    /** The first call to {@code Barriers.name} in the straight-line code from a handler to its first goto, or null. */
    private static AbstractInsnNode barrierCallAt(LabelNode handler, String name) {
        for (AbstractInsnNode insn = handler; insn != null && insn.getOpcode() != Opcodes.GOTO; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && call.name.equals(name)
                    && call.owner.equals("org/stmagent/runtime/seam/Barriers")) {
                return insn;
            }
        }
        return null;
    }

    /** The {@code athrow} of {@code dup; instanceof TransactionAbort; ifeq; athrow} at a handler, or null. */
    private static AbstractInsnNode abortGuardRethrow(LabelNode handler) {
        AbstractInsnNode insn = handler;
        int[] expected = {Opcodes.DUP, Opcodes.INSTANCEOF, Opcodes.IFEQ, Opcodes.ATHROW};
        for (int op : expected) {
            insn = insn.getNext();
            while (insn != null && insn.getOpcode() < 0) {
                insn = insn.getNext();
            }
            if (insn == null || insn.getOpcode() != op) {
                return null;
            }
        }
        return insn;
    }
}
