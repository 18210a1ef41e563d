package org.stmagent.runtime.core;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.stmagent.runtime.settings.RuntimeSettings;

/**
 * The pool of segment slots; its size is the segment limit. A thread claims a slot for each
 * outermost transaction, trying first the one it used last; when every slot is taken it waits.
 *
 * <p>The limit is soft. A transaction may wait for another thread while it runs (spinning on a
 * flag that thread will set in a region of its own); with every slot held by such waiters, nobody
 * could ever set the flag; and a region may block in a call of the program's own ({@code join},
 * {@code Future.get}, a latch) until a thread that needs a slot has done its part. So a thread
 * that has waited {@value #STARVED_MILLIS} ms without any slot coming free gets an extra one, up to
 * {@value #EXTRA_SLOTS} beyond the limit, and after 50 us when fewer owners than the limit are running:
 * an owner blocked outside the runtime uses no processor, so the limit counts only the others.
 * Those waits are charged to <em>wait free segment</em> as any other.
 */
public final class SegmentPool {
    public static final int EXTRA_SLOTS = 64;
    private static final long STARVED_MILLIS = 100;
    /** How long owners seen blocked must stay so before a waiter gets an extra slot. */
    private static final long BLOCKED_RECHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private static final class Holder {
        static final SegmentPool INSTANCE = new SegmentPool(RuntimeSettings.segments());

        static {
            Watchdog.watch(INSTANCE);
        }
    }

    private final int limit;
    private volatile SegmentSlot[] slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();
    private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();
    /** The threads in {@link #claim}, with when they began to wait ({@code nanoTime}): for the {@link Watchdog}. */
    private final Map<Thread, Long> waitingSince = new ConcurrentHashMap<>();

    SegmentPool(int limit) {
        if (limit < 1 || limit + EXTRA_SLOTS >= Orecs.MAX_SEGMENTS) {
            throw new IllegalArgumentException("segment limit must be between 1 and "
                    + (Orecs.MAX_SEGMENTS - EXTRA_SLOTS - 1));
        }
        this.limit = limit;
        SegmentSlot[] initial = new SegmentSlot[limit];
        for (int i = 0; i < limit; i++) {
            initial[i] = new SegmentSlot(i);
        }
        slots = initial;
    }

    public static SegmentPool instance() {
        return Holder.INSTANCE;
    }

    /** The segment limit as configured. */
    public int limit() {
        return limit;
    }

    /** Slots in the pool now: the limit, plus extra slots given to starved threads. */
    int size() {
        return slots.length;
    }

    SegmentSlot slot(int id) {
        return slots[id];
    }

    /** Every slot now, the extra ones included: for a scan that reads the array once. */
    SegmentSlot[] slots() {
        return slots;
    }

    /**
     * Claims one of the first {@code limit} slots without waiting, starting with {@code preferred};
     * null when all are taken. Extra slots are only ever handed to starved threads.
     */
    SegmentSlot tryClaim(Thread thread, int preferred) {
        SegmentSlot[] all = slots;
        int n = limit;
        for (int i = 0; i < n; i++) {
            SegmentSlot slot = all[(preferred + i) % n];
            if (slot.tryClaim(thread)) {
                return slot;
            }
        }
        return null;
    }

    /** Claims a slot, parking until one is free, or until starved (then an extra slot). */
    SegmentSlot claim(Thread thread, int preferred) {
        SegmentSlot slot = tryClaim(thread, preferred);
        if (slot != null) {
            return slot;
        }
        waiting.incrementAndGet();
        waitingSince.put(thread, System.nanoTime());
        try {
            long starvedAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARVED_MILLIS);
            int releasesSeen = releases.get();
            while (true) {
                waiters.add(thread);
                slot = tryClaim(thread, preferred);
                if (slot != null) {
                    waiters.remove(thread);
                    return slot;
                }
                // an owner's state is sampled: it counts as blocked only if seen so before and after the park
                boolean fewRunning = fewerRunningThanLimit();
                LockSupport.parkNanos(this, fewRunning ? BLOCKED_RECHECK_NANOS : TimeUnit.MILLISECONDS.toNanos(1));
                waiters.remove(thread);
                if (releases.get() != releasesSeen) {
                    releasesSeen = releases.get(); // slots are moving: keep waiting fairly
                    starvedAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARVED_MILLIS);
                } else if (System.nanoTime() - starvedAt > 0 || (fewRunning && fewerRunningThanLimit())) {
                    slot = addExtraSlot(thread);
                    if (slot != null) {
                        return slot;
                    }
                }
            }
        } finally {
            waitingSince.remove(thread);
            waiting.decrementAndGet();
        }
    }

    /**
     * Whether every one of the first {@code limit} slots is taken but fewer owners than the limit
     * are running: the others are blocked outside the runtime. (A free slot is to be claimed, not
     * passed by with an extra one.)
     */
    boolean fewerRunningThanLimit() {
        SegmentSlot[] all = slots;
        for (int i = 0; i < limit; i++) {
            if (all[i].owner == null) {
                return false;
            }
        }
        int running = 0;
        for (SegmentSlot slot : all) {
            if (slot.owner != null && !slot.ownerBlockedOutsideRuntime() && ++running >= limit) {
                return false;
            }
        }
        return true;
    }

    /** The threads waiting for a slot now, with when they began to wait. */
    Map<Thread, Long> waitingSince() {
        return waitingSince;
    }

    void release(SegmentSlot slot) {
        slot.free();
        if (waiting.get() > 0) {
            releases.incrementAndGet();
            Thread next = waiters.poll();
            if (next != null) {
                LockSupport.unpark(next);
            }
        }
    }

    private synchronized SegmentSlot addExtraSlot(Thread thread) {
        SegmentSlot[] all = slots;
        for (int i = limit; i < all.length; i++) {
            if (all[i].tryClaim(thread)) {
                return all[i]; // an extra slot given out before and free again
            }
        }
        if (all.length >= limit + EXTRA_SLOTS) {
            return null;
        }
        SegmentSlot extra = new SegmentSlot(all.length);
        extra.tryClaim(thread);
        SegmentSlot[] grown = Arrays.copyOf(all, all.length + 1);
        grown[all.length] = extra;
        slots = grown;
        return extra;
    }
}
