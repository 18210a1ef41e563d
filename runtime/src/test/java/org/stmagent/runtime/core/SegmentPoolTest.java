package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thread waiting for a slot gets an extra one at once when every slot's owner is blocked in a
 * call of the program's own (a region in {@code join} or {@code Future.get}), and not while an
 * owner runs or waits inside the runtime.
 */
@Timeout(30)
class SegmentPoolTest {
    private final SegmentPool pool = new SegmentPool(1);

    @Test
    void anOwnerBlockedInTheProgramCounts() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            SegmentSlot slot = pool.claim(Thread.currentThread(), 0);
            claimed.countDown();
            awaitQuietly(release); // blocked in the program, holding the slot
            pool.release(slot);
        });
        owner.start();
        claimed.await();
        awaitState(owner, Thread.State.WAITING);

        assertNull(pool.tryClaim(Thread.currentThread(), 0), "the only slot is taken");
        assertTrue(pool.everyOwnerBlockedOutsideRuntime());
        SegmentSlot extra = pool.claim(Thread.currentThread(), 0);
        assertNotNull(extra);
        assertTrue(extra.id >= pool.limit(), "an extra slot, given while the owner is still blocked");
        assertTrue(owner.isAlive());
        pool.release(extra);
        release.countDown();
        owner.join();
    }

    @Test
    void aRunningOwnerOrOneWaitingInTheRuntimeDoesNot() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean inRuntime = new AtomicBoolean();
        Thread owner = new Thread(() -> {
            SegmentSlot slot = pool.claim(Thread.currentThread(), 0);
            claimed.countDown();
            while (!stop.get()) {
                if (inRuntime.get()) {
                    slot.waitingInRuntime = true;
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            slot.waitingInRuntime = false;
            pool.release(slot);
        });
        owner.start();
        claimed.await();
        assertFalse(pool.everyOwnerBlockedOutsideRuntime(), "the owner runs");
        inRuntime.set(true);
        Thread.sleep(20);
        assertFalse(pool.everyOwnerBlockedOutsideRuntime(), "the owner waits inside the runtime");
        stop.set(true);
        owner.join();
        assertTrue(pool.everyOwnerBlockedOutsideRuntime(), "no owner: a free slot can be had");
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        while (thread.getState() != state) {
            Thread.sleep(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
