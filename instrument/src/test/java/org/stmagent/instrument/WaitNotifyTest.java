package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stmagent.instrument.RewritingLoader.call;
import static org.stmagent.instrument.RewritingLoader.create;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

class WaitNotifyTest {
    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void producerAndConsumerPassEveryItemThroughABoundedBuffer() throws Throwable {
        Object buffer = create(loader.fixture("Buffer"), 4);
        int items = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> producer = pool.submit(Threads.callable(() -> {
                for (int k = 1; k <= items; k++) {
                    call(buffer, "put", k);
                }
                return null;
            }));
            Future<Long> consumer = pool.submit(Threads.callable(() -> {
                long sum = 0;
                for (int k = 1; k <= items; k++) {
                    sum += (int) call(buffer, "take");
                }
                return sum;
            }));
            producer.get(60, TimeUnit.SECONDS);
            assertEquals((long) items * (items + 1) / 2, consumer.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitWithoutTheMonitorThrowsIllegalMonitorState() throws Throwable {
        Object buffer = create(loader.fixture("Buffer"), 1);
        assertThrows(IllegalMonitorStateException.class, () -> call(buffer, "waitUnlocked"));
    }

    @Test
    void timedWaitReturnsAfterItsTimeout() throws Throwable {
        Object buffer = create(loader.fixture("Buffer"), 1);
        long nanos = (long) call(buffer, "timedWait", 50L);
        assertTrue(nanos >= TimeUnit.MILLISECONDS.toNanos(45), "waited " + nanos + " ns");
    }

    @Test
    void holdsLockSeesTheConvertedMonitorWithoutGoingInevitable() throws Throwable {
        Object buffer = create(loader.fixture("Buffer"), 1);
        assertEquals("true false", call(buffer, "holdsLocks", new Object()));

        ClassNode c = new ClassNode();
        new ClassReader(loader.rewritten.get(RewritingLoader.FIXTURES + "Buffer")).accept(c, 0);
        MethodNode twin = c.methods.stream().filter(m -> m.name.equals("$stm$holdsLocks")).findFirst().orElseThrow();
        for (AbstractInsnNode insn : twin.instructions) {
            if (insn instanceof MethodInsnNode m) {
                assertFalse(m.name.equals("becomeInevitable"), "Thread.holdsLock is no irrevocable call");
                assertFalse(m.owner.equals("java/lang/Thread") && m.name.equals("holdsLock"), "redirected to the runtime");
            }
        }
    }

    @Test
    void aNotificationBeforeAWaitInTheSameRegionDoesNotWakeThatWait() throws Throwable {
        Object buffer = create(loader.fixture("Buffer"), 1);
        for (String method : new String[] {"notifyAllThenWait", "notifyThenWait"}) {
            long nanos = (long) call(buffer, method, 50L);
            assertTrue(nanos >= TimeUnit.MILLISECONDS.toNanos(45), method + " waited " + nanos + " ns");
        }
    }

    @Test
    void aNotificationFromAThreadStartedInsideTheRegionComesAfterTheStartersWait() {
        Class<?> handshake = loader.fixture("Handshake");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> call(handshake, "startThenWait", 50L));
    }
}
