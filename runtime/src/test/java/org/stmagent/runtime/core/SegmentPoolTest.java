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
 * A thread waiting for a slot gets an extra one at once when fewer owners than the limit run: the
 * others are blocked in a call of the program's own (a region in {@code join} or
 * {@code Future.get}) or wait behind such an owner. An owner that runs or waits inside the runtime
 * counts as running.
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
        assertTrue(pool.fewerRunningThanLimit());
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
        assertFalse(pool.fewerRunningThanLimit(), "the owner runs");
        inRuntime.set(true);
        Thread.sleep(20);
        assertFalse(pool.fewerRunningThanLimit(), "the owner waits inside the runtime");
        stop.set(true);
        owner.join();
        assertFalse(pool.fewerRunningThanLimit(), "no owner: the free slot is to be claimed, not an extra one");
    }

    @Test
    void theLimitCountsOnlyRunningOwners() throws Exception {
        SegmentPool two = new SegmentPool(2);
        CountDownLatch claimed = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread blocked = new Thread(() -> {
            SegmentSlot slot = two.claim(Thread.currentThread(), 0);
            claimed.countDown();
            awaitQuietly(release);
            two.release(slot);
        });
        Thread running = new Thread(() -> {
            SegmentSlot slot = two.claim(Thread.currentThread(), 1);
            claimed.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
            two.release(slot);
        });
        blocked.start();
        running.start();
        claimed.await();
        awaitState(blocked, Thread.State.WAITING);

        assertNull(two.tryClaim(Thread.currentThread(), 0), "both slots are taken");
        assertTrue(two.fewerRunningThanLimit(), "one owner of two runs");
        SegmentSlot extra = two.claim(Thread.currentThread(), 0);
        assertTrue(extra.id >= two.limit(), "an extra slot beside the running owner");
        two.release(extra);
        stop.set(true);
        running.join();
        release.countDown();
        blocked.join();
    }

    @Test
    void anOwnerWaitingBehindABlockedOneCountsAsBlocked() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean behind = new AtomicBoolean();
        Thread owner = new Thread(() -> {
            SegmentSlot slot = pool.claim(Thread.currentThread(), 0);
            claimed.countDown();
            while (!stop.get()) {
                slot.waitingInRuntime = true;
                slot.waitingBehindBlocked = behind.get();
                Thread.onSpinWait();
            }
            slot.waitingInRuntime = false;
            slot.waitingBehindBlocked = false;
            pool.release(slot);
        });
        owner.start();
        claimed.await();
        Thread.sleep(5);
        assertFalse(pool.fewerRunningThanLimit(), "the owner waits inside the runtime");
        behind.set(true);
        Thread.sleep(5);
        assertTrue(pool.fewerRunningThanLimit(), "the owner waits behind a blocked one");
        stop.set(true);
        owner.join();
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
